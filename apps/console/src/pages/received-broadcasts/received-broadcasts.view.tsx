import type { VNode } from 'preact';
import { SeverityBadge, StateBadge, StatusBadge, TlpBadge } from '../../components/badges';
import { Breadcrumb, Button, CsrfField, Notice } from '../../components/form';
import { Layout, type PageFrame } from '../../components/layout';
import { PagedList, PagedTable, isOlderPage, type ListPageView } from '../../components/pager';
import { Reason } from '../../components/reason';
import { Timestamp, TimestampCell } from '../../components/timestamp';
import type { AcknowledgedBy, ReceivedBroadcastItem } from './received-broadcasts.model';

function Acknowledgement(props: { acknowledged: AcknowledgedBy | null }): VNode {
  const { acknowledged } = props;
  if (!acknowledged) return <StateBadge tone="warning">À acquitter</StateBadge>;
  return (
    <span data-acknowledged="true">
      <StateBadge tone="success">Acquitté</StateBadge> par {acknowledged.who}, le <Timestamp at={acknowledged.at} />
    </span>
  );
}

export function ReceivedBroadcastsPage(props: PageFrame & ListPageView<ReceivedBroadcastItem>): VNode {
  const older = isOlderPage(props);
  return (
    <Layout title="Messages reçus" viewer={props.viewer} csrfToken={props.csrfToken} section="diffusions-recues">
      <h1>Messages de vigilance reçus</h1>
      <p>
        Les messages que la préfecture ou le niveau national adresse à votre organisation. Acquittez chacun pour lui
        indiquer que vous l’avez lu.
      </p>
      <PagedList
        list={props}
        newestHref="/diffusions-recues"
        newestLabel="Voir les messages les plus récents"
        pagerLabel="Pages des messages reçus"
        empty={
          <p>
            {older ? 'Aucun message plus ancien.' : 'Votre organisation n’a encore reçu aucun message de vigilance.'}
          </p>
        }
      >
        <PagedTable
          list={props}
          captions={{
            newest: 'Messages reçus par votre organisation, les plus récents d’abord',
            older: 'Messages plus anciens reçus par votre organisation, les plus récents d’abord',
          }}
          headers={['Message', 'De', 'Envoyé le', 'Qui peut le lire', 'Acquittement']}
          row={(item) => (
            <tr id={`diffusion-${item.id}`} class={item.exercise ? 'vigie-row--exercise' : ''}>
              <td>
                <a href={`/diffusions-recues/${item.id}`}>{item.headline}</a>{' '}
                <StatusBadge status={item.exercise ? 'Exercise' : 'Actual'} />{' '}
                <SeverityBadge severity={item.severity} />
              </td>
              <td>{item.sender}</td>
              <TimestampCell at={item.sent} />
              <td>
                <TlpBadge tlp={item.tlp} />
              </td>
              <td>
                <Acknowledgement acknowledged={item.acknowledged} />
              </td>
            </tr>
          )}
        />
      </PagedList>
    </Layout>
  );
}

export function ReceivedBroadcastPage(
  props: PageFrame & { item: ReceivedBroadcastItem; justAcknowledged: boolean },
): VNode {
  const { item } = props;
  return (
    <Layout
      title={item.headline}
      viewer={props.viewer}
      csrfToken={props.csrfToken}
      section="diffusions-recues"
      exercise={item.exercise}
    >
      <Breadcrumb trail={[{ href: '/diffusions-recues', label: 'Messages reçus' }, { label: item.headline }]} />
      <h1>{item.headline}</h1>
      {props.justAcknowledged ? (
        <Notice tone="success" title="Message acquitté : l’émetteur sait que vous l’avez lu." />
      ) : null}
      <p>
        De <strong>{item.sender}</strong>, le <Timestamp at={item.sent} />
      </p>
      <p>
        <StatusBadge status={item.exercise ? 'Exercise' : 'Actual'} /> <SeverityBadge severity={item.severity} />{' '}
        <TlpBadge tlp={item.tlp} explain />
      </p>
      <section aria-labelledby="message-titre">
        <h2 id="message-titre">Message</h2>
        <p>{item.description}</p>
        {item.instruction ? (
          <>
            <h3>Consignes</h3>
            <p>{item.instruction}</p>
          </>
        ) : null}
        <p>
          Pourquoi vous le recevez : <Reason rule={item.rule} reason={item.reason} />
        </p>
      </section>
      <section aria-labelledby="acquittement-titre">
        <h2 id="acquittement-titre">Acquittement</h2>
        {item.acknowledged ? (
          <p>
            <Acknowledgement acknowledged={item.acknowledged} />
          </p>
        ) : (
          <form method="post" action={`/diffusions-recues/${item.id}/acquitter`}>
            <CsrfField token={props.csrfToken} />
            <p>L’émetteur verra que votre organisation a lu ce message, et qui l’a acquitté.</p>
            <Button>J’ai lu ce message (acquitter)</Button>
          </form>
        )}
      </section>
    </Layout>
  );
}
