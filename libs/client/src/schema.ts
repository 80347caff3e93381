// Generated from docs/openapi.json by `npm run openapi`: do not edit.

export interface paths {
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public keys that verify person access tokens (JWKS). */
        get: operations["sessionsJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness, under the name older tools poll. */
        get: operations["healthCheck"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers (no dependency is checked). */
        get: operations["healthLive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database, broker and consumer group, and the outbox backlog. */
        get: operations["healthReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/acknowledgement-links/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The alert an e-mailed acknowledgement link is about, as its recipient received it. */
        get: operations["acknowledgementLinkApiAlert"];
        put?: never;
        /** Acknowledge through an e-mailed link (idempotent): the acknowledgement. */
        post: operations["acknowledgementLinkApiAcknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alert-states": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a page of alerts, in one call: why each reached the caller's organisation, whether the organisation acknowledged it, and its escalation. Alerts the organisation neither sent nor received are left out. */
        get: operations["alertStatesList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your organisation’s alerts and those routed to it, newest first (cursor pagination). Each TLP:RED alert listed is recorded as read in the audit trail. */
        get: operations["alertReadsList"];
        put?: never;
        /** Submit an alert, or a CAP Update or Cancel of an earlier one named in its references. It is stored and published atomically; routing follows within milliseconds. */
        post: operations["alertsSubmit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An alert your organisation sent, or one routed to it. The read is recorded in the audit trail (who, which key or person, when). */
        get: operations["alertsGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts/{id}/acknowledgements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who acknowledged the alert, and when: for its sender, its recipients and administrators. */
        get: operations["acknowledgementsList"];
        put?: never;
        /** Acknowledge an alert routed to the caller's organisation: 201 the first time (alert.acknowledged.v1 is published), 200 with the same body afterwards. */
        post: operations["acknowledgementsAcknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an alert: a CAP message (msgType Cancel) with the reason, from `{ note }` in JSON or a CAP Cancel document. Sender only. */
        post: operations["alertChangesCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts/{id}/chain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The update/cancel chain of an alert you sent or received: the messages of it you sent or received, oldest first. The read is recorded in the audit trail. */
        get: operations["alertChangesChain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts/{id}/escalation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The escalation deadline of the alert's chain and its steps (armed, deputy, national, cancelled): for the sender, the recipients and administrators. */
        get: operations["escalationShow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every message of the alert’s chain, oldest first. Sender only. The read is recorded in the audit trail. */
        get: operations["alertChangesHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts/{id}/routing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who received an alert, by which rules and why, and who was left out and why. For its sender, the State organisations that received it, and administrators. */
        get: operations["routingDecision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts/{id}/updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Update an alert: a new CAP message (msgType Update) referencing the earlier ones, in JSON or as a CAP Update document. Sender only. */
        post: operations["alertChangesUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a key: every service refuses it within seconds. */
        delete: operations["credentialsRevoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace a key: a new key with the same roles; the old one expires after the grace period. */
        post: operations["credentialsRotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit trail (who changed or read what), newest first, filtered by kind, organisation, person, object and period. Administrators and the national level’s operators only; each call is itself recorded as a read. */
        get: operations["auditList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/broadcast-acknowledgements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The acknowledgements of a page of broadcasts, in one call, with the same scoping as GET /v1/broadcasts/{id}/acknowledgements; broadcasts the caller may not see contribute nothing. */
        get: operations["broadcastAcknowledgementsMany"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/broadcasts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Broadcasts the caller’s organisation sent or received, newest first (100). */
        get: operations["broadcastsList"];
        put?: never;
        /** Send a vigilance message to the partners of the caller’s départements (a prefecture) or of any département (the national level), narrowed by sector, convention and event code. TLP applies; delivered by the notification service. */
        post: operations["broadcastsSend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/broadcasts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One broadcast, for its sender, its recipients and administrators. */
        get: operations["broadcastsGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/broadcasts/{id}/acknowledgements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who acknowledged a broadcast, oldest first: every recipient for its sender and administrators, its own acknowledgement for a recipient. */
        get: operations["broadcastAcknowledgementsList"];
        put?: never;
        /** Acknowledge a broadcast routed to the caller's organisation (it was read): 201 the first time (broadcast.acknowledged.v1 is published and the sender's stream gets broadcast.acknowledged), 200 with the same body afterwards. */
        post: operations["broadcastAcknowledgementsAcknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/broadcasts/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Who a draft broadcast would reach, by name, and why (and who it would leave out): the same decision as sending, with nothing stored or sent. */
        post: operations["broadcastsPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/communes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Communes by name or postal code, closest first: "st etienne" finds Saint-Étienne, a postal code shared by several communes lists them all. */
        get: operations["communesSearch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The partnership conventions: sector, status, signatories and where each is deployed. */
        get: operations["conventionsList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One convention, by id or by code (e.g. private-security-2019). */
        get: operations["conventionsGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members the caller may see: all for administrators, those in its départements for a State organisation, those sharing a département with it for a member. Not found for anyone else. */
        get: operations["conventionsMembers"];
        put?: never;
        /** Make an organisation of the convention’s sector a member. Administrators, or the prefecture competent for all its départements; the convention must be signed. */
        post: operations["conventionsJoin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/{id}/members/{organisationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End a membership. Same permissions as adding it. */
        delete: operations["conventionsLeave"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Coverage of the conventions: active members and their sites per convention and per département where it is deployed, with totals. Every département for the national level, its own for a prefecture or a State force. */
        get: operations["conventionsCoverage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** With alertId: how an alert (or broadcast) is being delivered, one entry per recipient, channel and target; its sender and administrators see every recipient, a recipient sees its own. With state: the caller's organisation's failing or dead deliveries, newest first (an administrator's: every organisation's). */
        get: operations["deliveriesList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every département with its prefecture and the prefecture competent for security partnerships. */
        get: operations["departmentsList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/departments/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One département by INSEE code, e.g. 69, 2A, 971. */
        get: operations["departmentsGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/departments/{code}/compliance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sites of the département lacking an APPROVED security plan or a crisis-management coordinator, with counts. The competent prefecture and administrators only. */
        get: operations["complianceCompliance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/departments/{code}/referents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The département’s directory: referents of the competent prefecture and of convention members there. For administrators, the competent prefecture, and members of a convention deployed there (who see the members of their own conventions only). */
        get: operations["referentsDirectory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/escalations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open escalations (armed, not yet acknowledged by the competent prefecture), oldest first, a page at a time: every département for the national level, its own for a prefecture or a State force. The headline only for the alert’s sender and recipients. */
        get: operations["openEscalationsList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Use an invitation: the person’s account is created with the password chosen (argon2id hash). */
        post: operations["peopleAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What an invitation link is for, before the person chooses a password. */
        post: operations["peopleLookup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation the presented API key belongs to, as this service knows it. */
        get: operations["meMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Organisations the caller may see, filtered by kind, département or status. */
        get: operations["organisationsList"];
        put?: never;
        /** Register an organisation, PENDING until activated. Administrators, or a prefecture for its départements. */
        post: operations["organisationsCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An organisation: itself, or one the caller manages. */
        get: operations["organisationsGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Activate (or reinstate) an organisation; its keys work in every service within seconds. */
        post: operations["organisationsActivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The keys of an organisation (never their secrets). A read from outside the organisation is audited. */
        get: operations["credentialsList"];
        put?: never;
        /** Issue an API key with roles. The key is in this response only; the registry keeps a scrypt hash. */
        post: operations["credentialsIssue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invitations not used yet (never their tokens). A read from outside the organisation is audited. */
        get: operations["peopleInvitations"];
        put?: never;
        /** Invite a person: a one-time link (its token is in this response only), valid 7 days. */
        post: operations["peopleInvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The people of an organisation, with their roles. A read from outside the organisation is audited. */
        get: operations["peopleList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/referents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation’s referents, for whoever may read the organisation. */
        get: operations["referentsList"];
        put?: never;
        /** Name a referent of the organisation for one of its départements: one PRIMARY and one DEPUTY at most. The organisation’s operators, or administrators. */
        post: operations["referentsCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an organisation for good. */
        post: operations["organisationsRevoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sites of an organisation, with what each lacks. */
        get: operations["sitesList"];
        put?: never;
        /** Register a site of the organisation, in a commune of a département where it operates. Its own operators, or administrators. */
        post: operations["sitesCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the organisation has subscribed to. */
        get: operations["subscriptionsList"];
        put?: never;
        /** Subscribe the organisation to alerts by département, event, minimum severity and sector (at most 50). Published in partner.changed.v1. */
        post: operations["subscriptionsCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/subscriptions/{subscriptionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a subscription. Published in partner.changed.v1. */
        delete: operations["subscriptionsRemove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend an organisation; every service refuses its keys within seconds. */
        post: operations["organisationsSuspend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import partner organisations with their conventions and subscription, from a CSV file or a JSON array (at most 10000 rows, 8 MB). Administrators, or a prefecture for partners of its départements.
         * @description Columns: kind, name, departments, siret, cnapsNumber, sector, conventions, subscriptionDepartments, eventCodes, minimumSeverity; in a CSV cell, list items are separated by "|" (the delimiter is "," or ";"). An organisation is matched on its SIRET, or on its kind and name when it has none: importing the same file again creates nothing and reports every row unchanged. Each row is validated as the single-organisation routes would; a refused row is reported (row, field, machine code, French message) and the others are imported.
         */
        post: operations["importsRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/people/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a person’s roles, or disable them (which also ends their sessions). */
        patch: operations["peopleUpdate"];
        trace?: never;
    };
    "/v1/received-broadcasts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Broadcasts (vigilance messages) routed to the caller's organisation, newest first, each with why it came and the organisation's acknowledgement (keyset pagination: `limit` at a time, 100 by default; the next page is in the `Link` header). */
        get: operations["receivedBroadcastsList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/received-broadcasts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One broadcast routed to the caller's organisation, with its acknowledgement. */
        get: operations["receivedBroadcastsGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/referents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a referent. The organisation’s operators, or administrators. */
        delete: operations["referentsRemove"];
        options?: never;
        head?: never;
        /** Change a referent. The organisation’s operators, or administrators. */
        patch: operations["referentsUpdate"];
        trace?: never;
    };
    "/v1/routing/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Who a draft alert would reach and why (every recipient with the rules that chose it, those left out), with warnings for unusual audiences (no prefecture, many partners, TLP:CLEAR with personal data). Nothing is stored or sent. Administrators and operators of the national level or of a prefecture may preview as another organisation (the rules test bench). */
        post: operations["previewPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/preview/senders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rules test bench: the active organisations that may publish in the département (or anywhere in your scope), to preview an alert as one of them. Administrators and the national level’s operators everywhere, a prefecture’s operators in their départements. */
        get: operations["previewSenders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The routing rules in the order they run. For the State and administrators. */
        get: operations["rulesList"];
        put?: never;
        /** Add a rule. Administrators: any rule; a prefecture: rules whose every condition is limited to its départements. */
        post: operations["rulesCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One routing rule. */
        get: operations["rulesGet"];
        /** Replace a rule. A prefecture changes only its own rules, within its départements. */
        put: operations["rulesReplace"];
        post?: never;
        /** Delete a rule. Default rules: administrators only. */
        delete: operations["rulesRemove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sent-alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The alerts your organisation sent: the latest message of each chain (Alert, Update or Cancel), most recent first (keyset pagination: the next page is in the `Link` header). Each TLP:RED alert listed is recorded as read in the audit trail. */
        get: operations["sentAlertsList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in: a session token (kept by the console) and a 5-minute access token. 423 while locked. */
        post: operations["sessionsSignIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Sign out: the session (Authorization: Bearer vgs_…) ends. */
        delete: operations["sessionsSignOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/federated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * State sign-in (OpenID Connect): an ID token from the State identity provider opens a session.
         * @description The registry verifies the ID token itself against the provider's published keys (signature, issuer, audience = the console's client id, dates, nonce, verified e-mail); each ID token opens one session at most. The e-mail address is read from the ID token, or from the provider's signed userinfo answer when one is sent. The e-mail address must be that of an active person of a prefecture, a State force or the national level.
         */
        post: operations["sessionsSignInWithStateIdentity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new access token for an open session (Authorization: Bearer vgs_…). */
        post: operations["sessionsRefresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/revoke-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out everywhere: every session of the person holding this access token ends. */
        post: operations["sessionsSignOutEverywhere"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A site, for whoever may read its organisation. */
        get: operations["sitesGet"];
        put?: never;
        post?: never;
        /** Remove a site. */
        delete: operations["sitesRemove"];
        options?: never;
        head?: never;
        /** Rename a site, change its kind, security plan or crisis coordinator. The commune is fixed. */
        patch: operations["sitesUpdate"];
        trace?: never;
    };
    "/v1/statistics/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts of new real alerts over a window by département, event type, severity and day: every département for the national level, its own for a prefecture. Counts only, never content. */
        get: operations["alertStatisticsCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/statistics/escalations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open escalations (armed: not yet acknowledged by the competent prefecture) by département: every département for the national level, its own for a prefecture. */
        get: operations["escalationStatisticsOpen"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/statistics/time-to-acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Time to acknowledge per prefecture over a period (median, 90th percentile, escalations not acknowledged): every prefecture for the national level, its own for a prefecture. */
        get: operations["timeToAcknowledgeGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server-Sent Events: what is routed to the caller's organisation, live.
         * @description Events: alert.routed, alert.escalated, broadcast.routed; each `data` is the JSON a webhook would receive (without deliveryId). To the sender of an alert only, alert.acknowledged: `data` is an Acknowledgement (who acknowledged, when) plus originalAlertId, without the alert. To the sender of a broadcast only, broadcast.acknowledged: `data` is a BroadcastAcknowledgement (which recipient, the person, when). Each event has an `id`, increasing per organisation: reconnect with `Last-Event-ID` to receive every event after it, once. Without it the stream starts with the next event. A comment line is sent every 15 s; the stream ends if the key is revoked.
         */
        get: operations["streamStream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's organisation's webhooks, disabled ones included. Secrets are never shown again. */
        get: operations["webhooksList"];
        put?: never;
        /** Register an endpoint for the caller's organisation. The signing secret is in this response only. */
        post: operations["webhooksRegister"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Disable one of your webhooks (as POST /v1/webhooks/{id}/disable): deliveries still due to it are abandoned (dead). */
        delete: operations["webhooksRemove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The endpoint’s deliveries, newest first: status, attempts, HTTP status and duration of the last attempt (cursor pagination, at most 100 a page). */
        get: operations["webhookDeliveriesList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a sent or dead delivery again, with the same id (webhook-id) and body; attempts count from zero. */
        post: operations["webhookDeliveriesRedeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable one of your webhooks: it receives nothing, deliveries still due to it are abandoned (dead: redeliverable once it is enabled again) and none is created for it while disabled. */
        post: operations["webhooksDisable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a disabled webhook (whatever disabled it): it receives the messages routed from now on; its count of failures starts again from zero. */
        post: operations["webhooksEnable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/redeliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send again every dead delivery of the endpoint created since a time (failed ones are already retried on their own schedule). */
        post: operations["webhookDeliveriesRedeliverSince"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the signing secret. The new one is in this response only; the replaced one keeps signing beside it (two signatures in webhook-signature) until the overlap ends. */
        post: operations["webhooksRotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue a test event for the endpoint: a signed delivery of type vigie.test ("test": true, no alert), retried and listed like any other. */
        post: operations["webhookDeliveriesTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register the webhooks of many partner organisations (at most 10000 rows). Administrators, or a prefecture for partners of its départements.
         * @description Each row is checked as POST /v1/webhooks checks one. A created webhook’s signing secret is in this answer only. An organisation that already has the URL active is reported unchanged, so the same file can be sent again; an organisation the registry created a moment ago may not be known here yet (unknown_organisation): send the file again.
         */
        post: operations["webhookImportRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "alert.escalated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An unacknowledged alert escalated
         * @description Sent by Vigie to each active webhook of a recipient organisation, signed per Standard Webhooks (verify `webhook-signature` over the raw body with the endpoint's `whsec_` secret, e.g. with the `standardwebhooks` library, before trusting it). The same JSON (without `deliveryId`) is the `data` of the live stream event of the same name (GET /v1/stream). The `Vigie-*` headers are deprecated and sent until 30 June 2027.
         */
        post: operations["webhookAlertEscalated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "alert.routed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An alert routed to the organisation
         * @description Sent by Vigie to each active webhook of a recipient organisation, signed per Standard Webhooks (verify `webhook-signature` over the raw body with the endpoint's `whsec_` secret, e.g. with the `standardwebhooks` library, before trusting it). The same JSON (without `deliveryId`) is the `data` of the live stream event of the same name (GET /v1/stream). The `Vigie-*` headers are deprecated and sent until 30 June 2027.
         */
        post: operations["webhookAlertRouted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "broadcast.routed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A broadcast to the organisation
         * @description Sent by Vigie to each active webhook of a recipient organisation, signed per Standard Webhooks (verify `webhook-signature` over the raw body with the endpoint's `whsec_` secret, e.g. with the `standardwebhooks` library, before trusting it). The same JSON (without `deliveryId`) is the `data` of the live stream event of the same name (GET /v1/stream). The `Vigie-*` headers are deprecated and sent until 30 June 2027.
         */
        post: operations["webhookBroadcastRouted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        AcceptInvitationDto: {
            /** @description At least 12 characters */
            password: string;
            /** @description The token of the invitation link (vgi_…) */
            token: string;
        };
        AccessView: {
            /** @description A signed JWT (EdDSA), sent as Authorization: Bearer to every service */
            accessToken: string;
            accessTokenExpiresAt: string;
            person: components["schemas"]["SignedInPersonView"];
        };
        AcknowledgeDto: {
            /** @example Patrouille envoyée sur place */
            note?: string;
        };
        AcknowledgementView: {
            /** @example 2025-11-28T09:17:03.000Z */
            acknowledgedAt: string;
            /** Format: uuid */
            alertId: string;
            /**
             * @example email
             * @enum {string}
             */
            channel: "api" | "email";
            /** @example Patrouille envoyée sur place */
            note?: string | null;
            /**
             * Format: uuid
             * @description The recipient organisation that acknowledged
             */
            organisationId: string;
            /** @example Préfecture du Finistère */
            organisationName?: string | null;
            /** @description The person who acknowledged through the console; null for an API key or an e-mailed link */
            person?: components["schemas"]["AcknowledgingPersonView"] | null;
            /** @description For an e-mailed link: the referent who used it */
            referentName?: string | null;
        };
        AcknowledgingPersonView: {
            /** Format: uuid */
            id: string;
            /** @example Camille Durand */
            name: string;
        };
        ActivationDto: {
            /** @example Member of the private-security convention */
            reason?: string;
        };
        /** @description Nobody acknowledged an Extreme or Severe alert in time: it goes up a step */
        AlertEscalatedMessage: {
            alert: components["schemas"]["AlertSnapshot"];
            /**
             * Format: uuid
             * @description Webhooks only: the delivery, the same on every retry (deduplicate on it)
             */
            deliveryId?: string;
            escalation: {
                /** Format: date-time */
                escalatedAt: string;
                reason: string;
                /** @enum {string} */
                step: "deputy" | "national";
            };
            /** @description Why this organisation receives it: its own rule and reason, never another recipient's */
            recipient: {
                /** Format: uuid */
                organisationId: string;
                /** @example Préfecture du Rhône is competent for département 69 (Lyon) */
                reason: string;
                /** @example competent-prefecture */
                rule: string;
            };
            /** @enum {string} */
            type: "alert.escalated";
        };
        AlertEscalationStateView: {
            /** @enum {string|null} */
            nextStep?: "deputy" | "national" | null;
            /** @example 2025-11-28T09:30:00.000Z */
            nextStepAt?: string | null;
            /** @enum {string} */
            status: "armed" | "cancelled" | "completed";
        };
        AlertInfo: {
            area: components["schemas"]["CapArea"][];
            audience?: string;
            category: ("Geo" | "Met" | "Safety" | "Security" | "Rescue" | "Fire" | "Health" | "Env" | "Transport" | "Infra" | "CBRNE" | "Other")[];
            /** @enum {string} */
            certainty: "Observed" | "Likely" | "Possible" | "Unlikely" | "Unknown";
            contact?: string;
            description?: string;
            effective?: string;
            event: string;
            /** @enum {string} */
            eventCode: "intrusion" | "theft" | "armed-robbery" | "assault" | "suspicious-behaviour" | "suspicious-package" | "drone-overflight" | "crowd-disorder" | "fire" | "terrorist-threat" | "cyber-incident" | "other";
            eventCodes: components["schemas"]["CapValue"][];
            expires?: string;
            headline: string;
            instruction?: string;
            language: string;
            onset?: string;
            parameter: components["schemas"]["CapValue"][];
            resource: components["schemas"]["CapResource"][];
            responseType: string[];
            senderName?: string;
            /** @enum {string} */
            severity: "Extreme" | "Severe" | "Moderate" | "Minor" | "Unknown";
            /** @enum {string} */
            urgency: "Immediate" | "Expected" | "Future" | "Past" | "Unknown";
            web?: string;
        };
        AlertLocation: {
            commune?: string;
            communeName?: string;
            department: string;
        };
        AlertPageView: {
            alerts: components["schemas"]["AlertView"][];
            /** @description Pass as `cursor` for the next page */
            nextCursor?: string | null;
        };
        /** @description An alert (new, update or cancellation) routed to the organisation */
        AlertRoutedMessage: {
            alert: components["schemas"]["AlertSnapshot"];
            /**
             * Format: uuid
             * @description Webhooks only: the delivery, the same on every retry (deduplicate on it)
             */
            deliveryId?: string;
            /** @description Why this organisation receives it: its own rule and reason, never another recipient's */
            recipient: {
                /** Format: uuid */
                organisationId: string;
                /** @example Préfecture du Rhône is competent for département 69 (Lyon) */
                reason: string;
                /** @example competent-prefecture */
                rule: string;
            };
            /** Format: date-time */
            routedAt: string;
            /** @enum {string} */
            type: "alert.routed";
        };
        AlertSnapshot: {
            addresses?: string[];
            /** Format: uuid */
            alertId: string;
            identifier: string;
            incidents: string[];
            info: components["schemas"]["AlertInfo"][];
            location: components["schemas"]["AlertLocation"];
            /** @enum {string} */
            msgType: "Alert" | "Update" | "Cancel";
            note?: string;
            occurredAt: string;
            /** Format: uuid */
            originalAlertId: string;
            personalData: boolean;
            references: string[];
            restriction?: string;
            /** @enum {string} */
            scope: "Public" | "Restricted" | "Private";
            sender: string;
            /** Format: uuid */
            senderOrganisationId: string;
            sent: string;
            /** Format: uuid */
            siteId?: string;
            /** @enum {string} */
            status: "Actual" | "Exercise" | "System" | "Test" | "Draft";
            /** @enum {string} */
            tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
        };
        AlertStateView: {
            /** @description When the caller’s organisation acknowledged it */
            acknowledgedAt?: string | null;
            /** @description Who acknowledged it (person or referent), when known */
            acknowledgedBy?: string | null;
            /** Format: uuid */
            alertId: string;
            /** @description The escalation of the alert’s chain */
            escalation?: components["schemas"]["AlertEscalationStateView"] | null;
            /**
             * @description Why the alert reached the caller’s organisation (null for its sender)
             * @example Préfecture du Rhône is competent for département 69 (Lyon)
             */
            reason?: string | null;
            /**
             * @description The routing rule that chose the caller
             * @example competent-prefecture
             */
            rule?: string | null;
        };
        AlertStatisticsView: {
            byDayAndEventCode: components["schemas"]["DayEventCodeCount"][];
            byDayAndSeverity: components["schemas"]["DaySeverityCount"][];
            byDepartment: components["schemas"]["DepartmentCount"][];
            byEventCode: components["schemas"]["EventCodeCount"][];
            bySeverity: components["schemas"]["SeverityCount"][];
            /** @description The départements counted; null means every département (national level) */
            departments: string[] | null;
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            /** @description New real alerts (msgType Alert, status Actual) sent in the window */
            total: number;
        };
        AlertView: {
            /**
             * Format: uuid
             * @description Same as alertId
             */
            id: string;
        };
        ApiKeyView: {
            createdAt: string;
            expiresAt?: string | null;
            /** Format: uuid */
            id: string;
            label?: string | null;
            /** Format: uuid */
            organisationId: string;
            /** Format: uuid */
            replacesKeyId?: string | null;
            revokedAt?: string | null;
            roles: ("publisher" | "subscriber" | "operator" | "admin")[];
        };
        AuditEntryView: {
            /**
             * @description For a read: alert.read, alert.chain-read, alert.history-read, audit.read, organisation.people-read, …
             * @example organisation.suspended
             */
            action: string;
            /**
             * @description admin, organisation:<id>/key:<id>, organisation:<id>/person:<id> (<name>), or seed
             * @example admin
             */
            actor: string;
            /** @description The state after a change; for a read, what was read (never the content of an alert) */
            after?: Record<string, never> | null;
            at: string;
            before?: Record<string, never> | null;
            /** @example organisation */
            entity: string;
            entityId: string;
            /** @example 1 */
            id: number;
            /**
             * @description A change of the registry, or a read (ADR 42)
             * @enum {string}
             */
            kind: "change" | "read";
            organisationId?: string | null;
            /** @description The name of that organisation today */
            organisationName?: string | null;
            /**
             * Format: uuid
             * @description The person acting, if any
             */
            personId?: string | null;
        };
        BroadcastAcknowledgementView: {
            /** @example 2026-12-04T21:17:03.000Z */
            acknowledgedAt: string;
            /** Format: uuid */
            broadcastId: string;
            /**
             * Format: uuid
             * @description The recipient organisation that acknowledged
             */
            organisationId: string;
            /** @example Bijouterie Martin */
            organisationName?: string | null;
            /** @description The person who acknowledged through the console; null for an API key */
            person?: components["schemas"]["AcknowledgingPersonView"] | null;
        };
        BroadcastAudience: {
            conventions: string[];
            departments: string[];
            /** @enum {string} */
            eventCode?: "intrusion" | "theft" | "armed-robbery" | "assault" | "suspicious-behaviour" | "suspicious-package" | "drone-overflight" | "crowd-disorder" | "fire" | "terrorist-threat" | "cyber-incident" | "other";
            sectors: ("PRIVATE_SECURITY" | "LARGE_RETAIL" | "JEWELLERY" | "TOBACCO" | "SOCIAL_HOUSING")[];
        };
        BroadcastPreviewExclusion: {
            name: string;
            /** Format: uuid */
            organisationId: string;
            /** @example TLP:AMBER — not a member of the sender’s convention */
            reason: string;
        };
        BroadcastPreviewRecipient: {
            /** @example JEWELLER */
            kind: string;
            /** @example Bijouterie Martin */
            name: string;
            /** Format: uuid */
            organisationId: string;
            /** @example Member of the jewellery convention in département 69 */
            reason: string;
            /** @example broadcast-audience */
            rule: string;
        };
        BroadcastPreviewView: {
            /**
             * @example [
             *       "69"
             *     ]
             */
            departments: string[];
            excluded: components["schemas"]["BroadcastPreviewExclusion"][];
            recipients: components["schemas"]["BroadcastPreviewRecipient"][];
            warnings: string[];
        };
        /** @description A message from a prefecture or the national level to its partners */
        BroadcastRoutedMessage: {
            broadcast: components["schemas"]["BroadcastSnapshot"];
            /**
             * Format: uuid
             * @description Webhooks only: the delivery, the same on every retry (deduplicate on it)
             */
            deliveryId?: string;
            /** @description Why this organisation receives it: its own rule and reason, never another recipient's */
            recipient: {
                /** Format: uuid */
                organisationId: string;
                /** @example Préfecture du Rhône is competent for département 69 (Lyon) */
                reason: string;
                /** @example competent-prefecture */
                rule: string;
            };
            /** Format: date-time */
            routedAt: string;
            /** @enum {string} */
            type: "broadcast.routed";
        };
        BroadcastRoutingView: {
            /** @description Who a rule selected but a constraint removed, and why */
            excluded: components["schemas"]["RecipientView"][];
            recipients: components["schemas"]["RecipientView"][];
            warnings: string[];
        };
        BroadcastSnapshot: {
            audience: components["schemas"]["BroadcastAudience"];
            /** Format: uuid */
            broadcastId: string;
            description: string;
            expires?: string;
            headline: string;
            instruction?: string;
            senderName: string;
            /** Format: uuid */
            senderOrganisationId: string;
            sent: string;
            /** @enum {string} */
            severity: "Extreme" | "Severe" | "Moderate" | "Minor" | "Unknown";
            /** @enum {string} */
            status: "Actual" | "Exercise" | "System" | "Test" | "Draft";
            /** @enum {string} */
            tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
        };
        BroadcastView: {
            /** @description The broadcast as sent: the `BroadcastSnapshot` of the `broadcast.routed` webhook */
            broadcast: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            routedAt: string;
            /** @description Who received it and why: for its sender and administrators only */
            routing?: components["schemas"]["BroadcastRoutingView"];
        };
        CallerView: {
            /**
             * @example [
             *       "69"
             *     ]
             */
            departments: string[];
            isAdmin: boolean;
            /**
             * Format: uuid
             * @description The API key; for a person, their session
             */
            keyId: string;
            /** @example SECURITY_FIRM */
            kind?: string | null;
            /** Format: uuid */
            organisationId?: string | null;
            /** @description The person acting, with a person access token (the console) */
            person?: Record<string, never> | null;
        };
        CancelAlertDto: {
            /** @example Fausse alerte : déclenchement intempestif du détecteur */
            note: string;
        };
        CapArea: {
            altitude?: string;
            areaDesc: string;
            ceiling?: string;
            circle: string[];
            geocode: components["schemas"]["CapValue"][];
            polygon: string[];
        };
        CapAreaDto: {
            /** @example Entrepôt, quai Rambaud, Lyon 2e */
            areaDesc: string;
            /**
             * @example [
             *       "45.7440,4.8180 0.2"
             *     ]
             */
            circle?: string[];
            geocode?: components["schemas"]["CapValueDto"][];
            /** @example [] */
            polygon?: string[];
        };
        CapResource: {
            digest?: string;
            mimeType: string;
            resourceDesc: string;
            size?: number;
            uri?: string;
        };
        CapResourceDto: {
            digest?: string;
            /** @example image/jpeg */
            mimeType: string;
            /** @example Photo de la vidéoprotection */
            resourceDesc: string;
            /** @example 48213 */
            size?: number;
            /** @example https://videos.gardiennage-rhone-alpes.example/2026-11-28/0042.jpg */
            uri?: string;
        };
        CapValue: {
            value: string;
            valueName: string;
        };
        CapValueDto: {
            /** @example 69123 */
            value: string;
            /** @example INSEE */
            valueName: string;
        };
        CommuneView: {
            /**
             * @description INSEE code: what an alert names as its commune
             * @example 42218
             */
            code: string;
            /** @example 42 */
            department: string;
            /** @example Loire */
            departmentName: string;
            /** @example Saint-Étienne */
            name: string;
            /**
             * @example [
             *       "42000",
             *       "42100"
             *     ]
             */
            postalCodes: string[];
        };
        ComplianceCounts: {
            compliant: number;
            /** @description Sites whose security plan is not APPROVED */
            missingApprovedSecurityPlan: number;
            /** @description Sites without a crisis-management coordinator */
            missingCrisisCoordinator: number;
            nonCompliant: number;
            /** @description Sites registered in the département */
            sites: number;
        };
        ComplianceDepartment: {
            /** @example 69 */
            code: string;
            /** @example Rhône */
            name: string;
        };
        ComplianceView: {
            counts: components["schemas"]["ComplianceCounts"];
            department: components["schemas"]["ComplianceDepartment"];
            sites: components["schemas"]["NonCompliantSite"][];
        };
        ConventionCoverageView: {
            /** @example private-security-2019 */
            code: string;
            /** @description Every counted département where the convention is deployed, zeros included, in INSEE order */
            departments: components["schemas"]["DepartmentCoverageView"][];
            /** Format: uuid */
            id: string;
            /** @description Distinct active members over the départements counted (one operating in two counts once) */
            members: number;
            /** @example Convention de partenariat État – sécurité privée */
            name: string;
            /** @description Their sites in the départements counted */
            sites: number;
            /**
             * @example SIGNED
             * @enum {string}
             */
            status: "SIGNED" | "ANNOUNCED";
        };
        ConventionView: {
            /** @example private-security-2019 */
            code: string;
            /**
             * @description INSEE codes of the départements where it is deployed
             * @example [
             *       "01",
             *       "69"
             *     ]
             */
            departments: string[];
            /** Format: uuid */
            id: string;
            /** @example Convention de partenariat État – sécurité privée */
            name: string;
            /**
             * @example PRIVATE_SECURITY
             * @enum {string}
             */
            sector: "PRIVATE_SECURITY" | "LARGE_RETAIL" | "JEWELLERY" | "TOBACCO" | "SOCIAL_HOUSING";
            /**
             * @example [
             *       "USP",
             *       "SNES",
             *       "CDSE"
             *     ]
             */
            signatories: string[];
            /**
             * Format: date
             * @example 2019-02-11
             */
            signedOn?: string | null;
            /**
             * @example SIGNED
             * @enum {string}
             */
            status: "SIGNED" | "ANNOUNCED";
        };
        CoordinatesDto: {
            /** @example 45.744 */
            latitude: number;
            /** @example 4.818 */
            longitude: number;
        };
        CoverageView: {
            conventions: components["schemas"]["ConventionCoverageView"][];
            /**
             * @description The départements counted: null for every one (national level, administrators)
             * @example [
             *       "69"
             *     ]
             */
            departments: string[] | null;
        };
        CreateOrganisationDto: {
            /**
             * @description CNAPS authorisation number; required for a security firm
             * @example AUT-069-2118-05-23-20190371234
             */
            cnapsNumber?: string;
            /**
             * @description INSEE codes of the départements where it operates
             * @example [
             *       "69"
             *     ]
             */
            departments: string[];
            /**
             * @example SECURITY_FIRM
             * @enum {string}
             */
            kind: "SECURITY_FIRM" | "SHOPPING_SITE_OPERATOR" | "JEWELLER" | "TOBACCONIST" | "SOCIAL_LANDLORD" | "PROFESSIONAL_BODY" | "PREFECTURE" | "STATE_FORCE" | "NATIONAL_LEVEL";
            /** @example Gardiennage Rhône-Alpes SAS */
            name: string;
            /**
             * @description Required for a professional body; implied by other partner kinds
             * @enum {string}
             */
            sector?: "PRIVATE_SECURITY" | "LARGE_RETAIL" | "JEWELLERY" | "TOBACCO" | "SOCIAL_HOUSING";
            /**
             * @description Required for a security firm: 14 digits with a valid checksum
             * @example 73282932000074
             */
            siret?: string;
        };
        CreateReferentDto: {
            /**
             * @description INSEE code of a département where the organisation operates
             * @example 69
             */
            department: string;
            /** @example camille.martin@example.fr */
            email: string;
            /** @example Camille Martin */
            fullName: string;
            /**
             * @description French (04 72 61 60 60) or international (+33 4 72 61 60 60)
             * @example +33 4 72 61 60 60
             */
            phone: string;
            /**
             * @example PRIMARY
             * @enum {string}
             */
            role: "PRIMARY" | "DEPUTY";
        };
        CreateRoutingRuleDto: {
            /** @example Copie des survols de drone du Rhône au centre commercial */
            description: string;
            /** @default true */
            enabled?: boolean;
            /**
             * @description Lower-case letters, digits and dashes
             * @example rhone-drones-retail
             */
            id: string;
            /**
             * @description Rules run in ascending position
             * @default 100
             */
            position?: number;
            select: components["schemas"]["RecipientSelectorDto"];
            /**
             * @description A label the rule imposes; the more restrictive of it and the alert’s wins
             * @enum {string}
             */
            tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
            /** @description The rule applies when any condition holds (every field of a condition must hold); empty: always */
            when: components["schemas"]["RuleConditionDto"][];
        };
        CreateSiteDto: {
            /**
             * @description INSEE code of the commune, in a département where the organisation operates; cannot change later
             * @example 69123
             */
            commune: string;
            /**
             * Format: uuid
             * @description The crisis-management coordinator: a referent of the same organisation
             */
            crisisCoordinatorId?: string;
            /**
             * @example SHOPPING_CENTRE
             * @enum {string}
             */
            kind: "SHOPPING_CENTRE" | "RETAIL_STORE" | "JEWELLERY_SHOP" | "TOBACCO_SHOP" | "HOUSING_ESTATE" | "OFFICE" | "WAREHOUSE" | "OTHER";
            /** @example Centre commercial de la Part-Dieu */
            name: string;
            /** @description Defaults to { status: NONE } */
            securityPlan?: components["schemas"]["SecurityPlanDto"];
        };
        CreateSubscriptionDto: {
            /**
             * @description INSEE codes of départements where the organisation operates
             * @example [
             *       "69"
             *     ]
             */
            departments: string[];
            /**
             * @description Empty or absent: every event
             * @example [
             *       "intrusion",
             *       "armed-robbery"
             *     ]
             */
            eventCodes?: ("intrusion" | "theft" | "armed-robbery" | "assault" | "suspicious-behaviour" | "suspicious-package" | "drone-overflight" | "crowd-disorder" | "fire" | "terrorist-threat" | "cyber-incident" | "other")[];
            /**
             * @description Also receive exercise alerts (CAP status Exercise)
             * @default false
             */
            includeExercises?: boolean;
            /**
             * @description The lowest severity received; Unknown is the lowest of all
             * @default Unknown
             * @example Moderate
             * @enum {string}
             */
            minimumSeverity?: "Extreme" | "Severe" | "Moderate" | "Minor" | "Unknown";
            /**
             * @description Sectors the alerts come from; empty or absent: every sector
             * @example [
             *       "LARGE_RETAIL"
             *     ]
             */
            sectors?: ("PRIVATE_SECURITY" | "LARGE_RETAIL" | "JEWELLERY" | "TOBACCO" | "SOCIAL_HOUSING")[];
        };
        DayEventCodeCount: {
            count: number;
            /**
             * @description Calendar day in Europe/Paris
             * @example 2026-12-04
             */
            day: string;
            /** @enum {string} */
            eventCode: "intrusion" | "theft" | "armed-robbery" | "assault" | "suspicious-behaviour" | "suspicious-package" | "drone-overflight" | "crowd-disorder" | "fire" | "terrorist-threat" | "cyber-incident" | "other";
        };
        DaySeverityCount: {
            count: number;
            /**
             * @description Calendar day in Europe/Paris
             * @example 2026-12-04
             */
            day: string;
            /** @enum {string} */
            severity: "Extreme" | "Severe" | "Moderate" | "Minor" | "Unknown";
        };
        DeliveryView: {
            /**
             * Format: uuid
             * @description The alert (or broadcast)
             * @example 3f0c9b52-6d1e-4a7b-8c2f-5e9d0a1b2c3d
             */
            alertId: string;
            /**
             * @description Attempts made so far
             * @example 1
             */
            attempts: number;
            /**
             * @example webhook
             * @enum {string}
             */
            channel: "webhook" | "email";
            /** @example 2025-11-28T09:15:00.000Z */
            createdAt: string;
            /**
             * Format: uuid
             * @description Sent as webhook-id (and Idempotency-Key, and in the body) on every attempt: receivers dedupe on it.
             */
            id: string;
            /** @example HTTP 503 */
            lastError?: string | null;
            /**
             * Format: uuid
             * @description The recipient organisation
             */
            organisationId: string;
            /**
             * Format: uuid
             * @description The referent e-mailed
             */
            referentId?: string | null;
            /** @example 2025-11-28T09:15:00.412Z */
            sentAt?: string | null;
            /**
             * @description pending (not tried yet), failed (the last attempt failed; retried with backoff), sent (2xx, or accepted by the mail server), dead (given up: see lastError)
             * @example sent
             * @enum {string}
             */
            status: "pending" | "failed" | "sent" | "dead";
            /**
             * @description vigie.test: a test event asked for by the recipient; webhook.disabled: the e-mail telling it an endpoint was disabled
             * @example alert.routed
             * @enum {string}
             */
            type: "alert.routed" | "alert.escalated" | "broadcast.routed" | "vigie.test" | "webhook.disabled";
            /** Format: uuid */
            webhookId?: string | null;
        };
        DepartmentCount: {
            count: number;
            /** @example 69 */
            department: string;
        };
        DepartmentCoverageView: {
            /** @example 69 */
            department: string;
            /**
             * @description Active members operating in the département
             * @example 12
             */
            members: number;
            /**
             * @description Sites of those members located in the département
             * @example 31
             */
            sites: number;
        };
        DepartmentView: {
            /** @example 69 */
            code: string;
            /** @description Competent for security partnerships (Préfecture de police for 75, 92, 93, 94) */
            competentPrefecture: components["schemas"]["PrefectureRef"];
            /** @example Rhône */
            name: string;
            prefecture: components["schemas"]["PrefectureRef"];
        };
        DirectoryEntryView: {
            /**
             * @description Codes of the conventions through which it is listed; empty for the prefecture
             * @example [
             *       "private-security-2019"
             *     ]
             */
            conventions: string[];
            /** @example camille.martin@example.fr */
            email: string;
            /** @example Camille Martin */
            fullName: string;
            /** Format: uuid */
            id: string;
            organisation: components["schemas"]["DirectoryOrganisation"];
            /** @example +33 4 72 61 60 60 */
            phone: string;
            /** @enum {string} */
            role: "PRIMARY" | "DEPUTY";
        };
        DirectoryOrganisation: {
            /** Format: uuid */
            id: string;
            /**
             * @example PREFECTURE
             * @enum {string}
             */
            kind: "SECURITY_FIRM" | "SHOPPING_SITE_OPERATOR" | "JEWELLER" | "TOBACCONIST" | "SOCIAL_LANDLORD" | "PROFESSIONAL_BODY" | "PREFECTURE" | "STATE_FORCE" | "NATIONAL_LEVEL";
            /** @example Préfecture du Rhône */
            name: string;
        };
        EscalationStepView: {
            /** @example 2025-11-28T09:30:00.000Z */
            at: string;
            /** @example not acknowledged by Préfecture du Finistère within 900 s: 1 deputy referent(s) e-mailed */
            detail: string;
            /**
             * @example deputy
             * @enum {string}
             */
            step: "armed" | "deputy" | "national" | "cancelled";
        };
        EscalationView: {
            /**
             * Format: uuid
             * @description The original alert of the chain
             */
            alertId: string;
            /** @enum {string|null} */
            nextStep?: "deputy" | "national" | null;
            /** @example 2025-11-28T09:30:00.000Z */
            nextStepAt?: string | null;
            /**
             * Format: uuid
             * @description The competent prefecture expected to acknowledge
             */
            prefectureId: string;
            /**
             * @description armed (a deadline runs), cancelled (acknowledged or alert cancelled), completed (national level reached)
             * @enum {string}
             */
            status: "armed" | "cancelled" | "completed";
            steps: components["schemas"]["EscalationStepView"][];
        };
        EventCodeCount: {
            count: number;
            /** @enum {string} */
            eventCode: "intrusion" | "theft" | "armed-robbery" | "assault" | "suspicious-behaviour" | "suspicious-package" | "drone-overflight" | "crowd-disorder" | "fire" | "terrorist-threat" | "cyber-incident" | "other";
        };
        ImportProblemView: {
            /**
             * @description invalid_value, missing_value, unknown_column, duplicate_in_file, unknown_convention, convention_refused, subscription_refused, outside_competence, conflicts_with_existing, too_many_subscriptions, revoked
             * @example invalid_value
             */
            code: string;
            /** @example siret must be 14 digits with a valid checksum */
            detail?: string;
            /** @example siret */
            field: string;
            /** @example La valeur du champ « siret » n’est pas valide. */
            message: string;
            /** @example 3 */
            row: number;
        };
        ImportReportView: {
            /** @example 1 */
            created: number;
            /** @enum {string} */
            format: "csv" | "json";
            problems: components["schemas"]["ImportProblemView"][];
            /**
             * @description Rows refused (each with one or more problems)
             * @example 1
             */
            refused: number;
            results: components["schemas"]["ImportResultView"][];
            /**
             * @description Rows in the file
             * @example 3
             */
            rows: number;
            /** @example 1 */
            unchanged: number;
            /** @example 0 */
            updated: number;
        };
        ImportResultView: {
            /**
             * @description The natural key the row was matched on
             * @example siret:73282932000074
             */
            key: string;
            /** Format: uuid */
            organisationId: string;
            /**
             * @description created; updated (already registered, memberships or subscription it lacked added); unchanged (already as the row says)
             * @enum {string}
             */
            outcome: "created" | "updated" | "unchanged";
            /**
             * @description Line in a CSV file (the header is line 1), position from 1 in a JSON array
             * @example 2
             */
            row: number;
        };
        InvitationLookupView: {
            email: string;
            expiresAt: string;
            fullName: string;
            organisationName: string;
        };
        InvitationTokenDto: {
            /** @description The token of the invitation link (vgi_…) */
            token: string;
        };
        InvitationView: {
            createdAt: string;
            email: string;
            expiresAt: string;
            fullName: string;
            /** Format: uuid */
            id: string;
            roles: ("DUTY_OFFICER" | "ORGANISATION_ADMIN" | "NATIONAL_ANALYST")[];
        };
        InviteDto: {
            /** @example camille.durand@rhone.gouv.fr */
            email: string;
            /** @example Camille Durand */
            fullName: string;
            /**
             * @example [
             *       "DUTY_OFFICER"
             *     ]
             */
            roles: ("DUTY_OFFICER" | "ORGANISATION_ADMIN" | "NATIONAL_ANALYST")[];
        };
        IssuedInvitationView: {
            email: string;
            expiresAt: string;
            fullName: string;
            /** Format: uuid */
            id: string;
            roles: ("DUTY_OFFICER" | "ORGANISATION_ADMIN" | "NATIONAL_ANALYST")[];
            /** @description Shown once: the link the person opens (the registry keeps a hash). */
            token: string;
        };
        IssuedKeyView: {
            createdAt: string;
            expiresAt?: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description The key itself. Shown once: only its hash is stored.
             * @example vgk_…
             */
            key: string;
            label?: string | null;
            /** Format: uuid */
            organisationId: string;
            /** Format: uuid */
            replacesKeyId?: string | null;
            revokedAt?: string | null;
            roles: ("publisher" | "subscriber" | "operator" | "admin")[];
        };
        IssueKeyDto: {
            /**
             * @description When the key stops working (ISO 8601)
             * @example 2027-06-30T00:00:00Z
             */
            expiresAt?: string;
            /** @example alarm-centre integration */
            label?: string;
            /**
             * @example [
             *       "publisher",
             *       "subscriber"
             *     ]
             */
            roles: ("publisher" | "subscriber" | "operator" | "admin")[];
        };
        JoinConventionDto: {
            /**
             * Format: uuid
             * @description The organisation that joins
             * @example 3f0c6a3e-5d0b-4f8e-9a57-0d6c1b1e2a4f
             */
            organisationId: string;
        };
        LinkedAlertView: {
            /** @description When the organisation already acknowledged it */
            acknowledgedAt?: string | null;
            /** Format: uuid */
            alertId: string;
            commune?: string | null;
            department: string;
            event: string;
            headline: string;
            organisationName: string;
            sent: string;
            severity: string;
            status: string;
            urgency: string;
        };
        MembershipView: {
            /** @example private-security-2019 */
            conventionCode: string;
            /** Format: uuid */
            conventionId: string;
            /** @example 2019-03-04T09:30:00.000Z */
            joinedAt: string;
            /**
             * @description admin, or organisation:<id>/key:<id>
             * @example organisation:…/key:…
             */
            joinedBy: string;
            /** Format: uuid */
            organisationId: string;
        };
        MemberView: {
            /**
             * @example [
             *       "69"
             *     ]
             */
            departments: string[];
            /** @example 2019-03-04T09:30:00.000Z */
            joinedAt: string;
            /**
             * @example SECURITY_FIRM
             * @enum {string}
             */
            kind: "SECURITY_FIRM" | "SHOPPING_SITE_OPERATOR" | "JEWELLER" | "TOBACCONIST" | "SOCIAL_LANDLORD" | "PROFESSIONAL_BODY" | "PREFECTURE" | "STATE_FORCE" | "NATIONAL_LEVEL";
            /** @example Gardiennage Rhône-Alpes SAS */
            name: string;
            /** Format: uuid */
            organisationId: string;
        };
        NonCompliantSite: {
            /** @example 69123 */
            commune: string;
            /** @example Lyon */
            communeName?: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "SHOPPING_CENTRE" | "RETAIL_STORE" | "JEWELLERY_SHOP" | "TOBACCO_SHOP" | "HOUSING_ESTATE" | "OFFICE" | "WAREHOUSE" | "OTHER";
            missing: ("APPROVED_SECURITY_PLAN" | "CRISIS_COORDINATOR")[];
            name: string;
            organisation: components["schemas"]["SiteOwnerRef"];
            /** @enum {string} */
            securityPlanStatus: "NONE" | "DRAFT" | "SUBMITTED" | "APPROVED";
        };
        OpenEscalationCount: {
            count: number;
            /** @example 69 */
            department: string;
        };
        OpenEscalationPageView: {
            /** @description The départements listed; null means every département (national level) */
            departments: string[] | null;
            escalations: components["schemas"]["OpenEscalationView"][];
            /** @description Pass as `cursor` for the next page; null on the last */
            nextCursor: string | null;
        };
        OpenEscalationsView: {
            byDepartment: components["schemas"]["OpenEscalationCount"][];
            /** @description The départements counted; null means every département (national level) */
            departments: string[] | null;
            /** @description Escalations still armed (not acknowledged, not cancelled) */
            total: number;
        };
        OpenEscalationView: {
            /**
             * Format: uuid
             * @description The message that armed the escalation (its content is judged)
             */
            alertId: string;
            /**
             * Format: date-time
             * @description When the escalation was armed
             */
            armedAt: string;
            /**
             * @description INSEE code
             * @example 69123
             */
            commune: string | null;
            /** @example Lyon */
            communeName: string | null;
            /** @description True when the caller may not read the alert’s content (headline null) */
            contentRestricted: boolean;
            /**
             * Format: date-time
             * @description When the next step (deputy, then national level) is taken unless the prefecture acknowledges
             */
            deadline: string | null;
            /** @example 69 */
            department: string;
            /** @example intrusion */
            eventCode: string | null;
            /** @description The alert’s headline, only for its sender and its recipients (never a TLP:RED alert to anyone else) */
            headline: string | null;
            /**
             * Format: uuid
             * @description The original alert of its chain
             */
            originalAlertId: string;
            /**
             * Format: uuid
             * @description The competent prefecture expected to acknowledge
             */
            prefectureId: string;
            /** @example Severe */
            severity: string | null;
            /**
             * @description prefecture: awaiting its acknowledgement; deputy: its deputy referents were alerted too
             * @enum {string}
             */
            step: "prefecture" | "deputy";
            /** @example AMBER */
            tlp: string | null;
        };
        OrganisationView: {
            cnapsNumber?: string | null;
            createdAt: string;
            /**
             * @example [
             *       "69"
             *     ]
             */
            departments: string[];
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "SECURITY_FIRM" | "SHOPPING_SITE_OPERATOR" | "JEWELLER" | "TOBACCONIST" | "SOCIAL_LANDLORD" | "PROFESSIONAL_BODY" | "PREFECTURE" | "STATE_FORCE" | "NATIONAL_LEVEL";
            name: string;
            /** @enum {string|null} */
            sector?: "PRIVATE_SECURITY" | "LARGE_RETAIL" | "JEWELLERY" | "TOBACCO" | "SOCIAL_HOUSING" | null;
            /** @example 73282932000074 */
            siret?: string | null;
            /** @enum {string} */
            status: "PENDING" | "ACTIVE" | "SUSPENDED" | "REVOKED";
            statusChangedAt: string;
            /** @example organisation:…/key:… */
            statusChangedBy: string;
            statusReason?: string | null;
        };
        PersonView: {
            createdAt: string;
            email: string;
            fullName: string;
            /** Format: uuid */
            id: string;
            lastLoginAt?: string | null;
            roles: ("DUTY_OFFICER" | "ORGANISATION_ADMIN" | "NATIONAL_ANALYST")[];
            /** @enum {string} */
            status: "ACTIVE" | "DISABLED";
        };
        PrefectureRef: {
            /** Format: uuid */
            id: string;
            /** @example Préfecture du Rhône */
            name: string;
        };
        PrefectureTimeToAcknowledgeView: {
            /** @example 69 */
            department: string;
            /** @description Escalations armed in the period */
            escalations: number;
            /** @description Median seconds from arming to acknowledgement */
            medianSeconds: number | null;
            /** @description 90th percentile, in seconds */
            p90Seconds: number | null;
            /** Format: uuid */
            prefectureId: string;
            /** @description Of which the prefecture has not acknowledged the alert */
            unacknowledged: number;
        };
        PreviewAlertDto: {
            /** @description Organisations named as recipients (CAP addresses) */
            addresses?: string[];
            /**
             * @default Observed
             * @enum {string}
             */
            certainty?: "Observed" | "Likely" | "Possible" | "Unlikely" | "Unknown";
            /**
             * @description INSEE commune code (or give the département)
             * @example 69123
             */
            commune?: string;
            /** @example 69 */
            department?: string;
            /** @enum {string} */
            eventCode: "intrusion" | "theft" | "armed-robbery" | "assault" | "suspicious-behaviour" | "suspicious-package" | "drone-overflight" | "crowd-disorder" | "fire" | "terrorist-threat" | "cyber-incident" | "other";
            /** @default false */
            personalData?: boolean;
            /**
             * Format: uuid
             * @description Preview as this organisation (the rules test bench): administrators and the national level’s operators anywhere, a prefecture’s operators in their départements. A sender that may not publish in the département is named in the warnings.
             */
            senderOrganisationId?: string;
            /** @enum {string} */
            severity: "Extreme" | "Severe" | "Moderate" | "Minor" | "Unknown";
            /**
             * @default Actual
             * @enum {string}
             */
            status?: "Actual" | "Exercise" | "System" | "Test" | "Draft";
            /**
             * @default AMBER
             * @enum {string}
             */
            tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
            /**
             * @default Immediate
             * @enum {string}
             */
            urgency?: "Immediate" | "Expected" | "Future" | "Past" | "Unknown";
        };
        PreviewExclusionView: {
            name: string;
            /** Format: uuid */
            organisationId: string;
            reason: string;
            rule: string;
        };
        PreviewRecipientView: {
            kind: string;
            name: string;
            /** Format: uuid */
            organisationId: string;
            reasons: string[];
            rules: string[];
        };
        PreviewSenderView: {
            /**
             * @example [
             *       "69"
             *     ]
             */
            departments: string[];
            /**
             * @example SECURITY_FIRM
             * @enum {string}
             */
            kind: "SECURITY_FIRM" | "SHOPPING_SITE_OPERATOR" | "JEWELLER" | "TOBACCONIST" | "SOCIAL_LANDLORD" | "PROFESSIONAL_BODY" | "PREFECTURE" | "STATE_FORCE" | "NATIONAL_LEVEL";
            /** @example Gardiennage Rhône-Alpes SAS */
            name: string;
            /** Format: uuid */
            organisationId: string;
        };
        /** @description RFC 9457 problem details, sent as `application/problem+json`. `error` is a stable machine code (`type` is `urn:vigie:problem:<error>`); `detail` is for people and may change. Never a stack trace. */
        Problem: {
            /** @description What went wrong this time, in English */
            detail: string;
            /** @description For 400: every field refused and why. For a readiness 503: the state of each dependency. Other codes may add structured context. */
            details?: {
                field: string;
                problems: string[];
            }[] | Record<string, never>;
            /** @description The stable code: not_found, forbidden, idempotency_key_reused, invalid_webhook_target… */
            error: string;
            /** @description The path that was called */
            instance?: string;
            status: number;
            /** @description A summary of the problem type (the same for every occurrence) */
            title: string;
            /**
             * Format: uri
             * @example urn:vigie:problem:bad_request
             */
            type: string;
        };
        ReceivedBroadcastView: {
            /** @description Your organisation's acknowledgement; null until someone acknowledges it */
            acknowledgement?: components["schemas"]["BroadcastAcknowledgementView"] | null;
            /** @description The broadcast as sent: the `BroadcastSnapshot` of the `broadcast.routed` webhook */
            broadcast: {
                [key: string]: unknown;
            };
            /**
             * @description Why it reached your organisation
             * @example member of convention private-security-2019 in département 69
             */
            reason: string;
            /** Format: date-time */
            routedAt: string;
            /**
             * @description The routing rule that chose your organisation
             * @example broadcast-audience
             */
            rule: string;
        };
        RecipientSelectorDto: {
            kinds?: ("SECURITY_FIRM" | "SHOPPING_SITE_OPERATOR" | "JEWELLER" | "TOBACCONIST" | "SOCIAL_LANDLORD" | "PROFESSIONAL_BODY" | "PREFECTURE" | "STATE_FORCE" | "NATIONAL_LEVEL")[];
            organisationIds?: string[];
            /**
             * @description competent: organisations of `kinds` competent for the département (the prefecture, State forces); kinds: every organisation of `kinds` (the national level); subscribers; named: the recipients the sender named; organisations: fixed `organisationIds` (a need to know under TLP:AMBER)
             * @enum {string}
             */
            type: "competent" | "kinds" | "subscribers" | "named" | "organisations";
        };
        RecipientView: {
            /** Format: uuid */
            organisationId: string;
            /** @example Préfecture du Rhône is competent for département 69 (Lyon) */
            reason: string;
            /** @example competent-prefecture */
            rule: string;
        };
        RedeliveriesView: {
            /**
             * @description Dead deliveries sent again (back to pending, attempts from zero).
             * @example 3
             */
            redelivered: number;
            /**
             * @description Failed deliveries in the period: already retried on their own schedule.
             * @example 1
             */
            stillRetrying: number;
        };
        RedeliverSinceDto: {
            /**
             * @description Redeliver every dead delivery of this endpoint created at or after this instant (ISO 8601). Failed ones are already being retried and are left to their schedule.
             * @example 2026-12-01T08:00:00Z
             */
            since: string;
        };
        ReferentView: {
            createdAt: string;
            /** @example 69 */
            department: string;
            /** @example camille.martin@example.fr */
            email: string;
            /** @example Camille Martin */
            fullName: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organisationId: string;
            /** @example +33 4 72 61 60 60 */
            phone: string;
            /**
             * @example PRIMARY
             * @enum {string}
             */
            role: "PRIMARY" | "DEPUTY";
            updatedAt: string;
        };
        RegisteredWebhookView: {
            /** @example 2025-11-28T09:15:00.000Z */
            createdAt: string;
            /**
             * Format: uuid
             * @example 0e6f2a4c-8f1b-4d3e-9a57-2c1d7b9e4f60
             */
            id: string;
            /**
             * @description Signing secret (Standard Webhooks form: whsec_ and the base64 of the key), shown in this response only. Each delivery carries webhook-id, webhook-timestamp and webhook-signature: v1,<base64 HMAC-SHA256(key, "<webhook-id>.<webhook-timestamp>.<raw body>")>; any Standard Webhooks library verifies it with this secret.
             * @example whsec_RXhhbXBsZSBvbmx5OiBuZXZlciBhIHJlYWwga2V5ISE=
             */
            secret: string;
            /** @example https://alarms.gardiennage-rhone.fr/vigie/webhook */
            url: string;
        };
        RegisterWebhookDto: {
            /**
             * @description Where alerts are POSTed. https, no credentials, and a public address (checked at registration and before each delivery).
             * @example https://alarms.gardiennage-rhone.fr/vigie/webhook
             */
            url: string;
        };
        RotatedSecretView: {
            /**
             * Format: uuid
             * @example 0e6f2a4c-8f1b-4d3e-9a57-2c1d7b9e4f60
             */
            id: string;
            /**
             * @description Until then the replaced secret signs too (two signatures in webhook-signature); null: it stopped at once
             * @example 2026-12-05T09:15:00.000Z
             */
            previousSecretExpiresAt?: string | null;
            /**
             * @description The new signing secret, shown in this response only.
             * @example whsec_RXhhbXBsZSBvbmx5OiBuZXZlciBhIHJlYWwga2V5ISE=
             */
            secret: string;
        };
        RotateKeyDto: {
            /**
             * @description How long the old key keeps working, to deploy the new one (seconds)
             * @default 3600
             */
            graceSeconds?: number;
        };
        RotateSecretDto: {
            /**
             * @description How long the replaced secret keeps signing beside the new one (each delivery then carries two signatures); 0 stops it at once. Default 86400 (one day), at most 7 days.
             * @default 86400
             * @example 86400
             */
            overlapSeconds?: number;
        };
        RoutingDecisionView: {
            /** Format: uuid */
            alertId: string;
            /** Format: uuid */
            decisionId: string;
            /** @example 69 */
            department: string;
            /**
             * @description Who a rule would have selected but a constraint removed, and why
             * @example [
             *       {
             *         "organisationId": "0190b6c4-5a7e-7c3e-9f00-6b1d2c3e4f51",
             *         "rule": "subscribers",
             *         "reason": "TLP:AMBER — not a member of the sender’s convention"
             *       }
             *     ]
             */
            excluded: components["schemas"]["RecipientView"][];
            recipients: components["schemas"]["RecipientView"][];
            /** Format: date-time */
            routedAt: string;
            /**
             * @example [
             *       "no prefecture receives this alert"
             *     ]
             */
            warnings: string[];
        };
        RoutingPreviewView: {
            /** @example 69 */
            department: string;
            excluded: components["schemas"]["PreviewExclusionView"][];
            recipients: components["schemas"]["PreviewRecipientView"][];
            /**
             * @example [
             *       "no prefecture receives this alert (département 01)"
             *     ]
             */
            warnings: string[];
        };
        RoutingRuleBodyDto: {
            /** @example Copie des survols de drone du Rhône au centre commercial */
            description: string;
            /** @default true */
            enabled?: boolean;
            /**
             * @description Rules run in ascending position
             * @default 100
             */
            position?: number;
            select: components["schemas"]["RecipientSelectorDto"];
            /**
             * @description A label the rule imposes; the more restrictive of it and the alert’s wins
             * @enum {string}
             */
            tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
            /** @description The rule applies when any condition holds (every field of a condition must hold); empty: always */
            when: components["schemas"]["RuleConditionDto"][];
        };
        RoutingRuleView: {
            /** @description A default rule shipped with Vigie */
            builtin: boolean;
            description: string;
            enabled: boolean;
            id: string;
            /** Format: uuid */
            ownerOrganisationId: string | null;
            position: number;
            select: components["schemas"]["RecipientSelectorDto"];
            /** @enum {string|null} */
            tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED" | null;
            updatedAt: string;
            updatedBy: string;
            when: components["schemas"]["RuleConditionDto"][];
        };
        RuleConditionDto: {
            certainties?: ("Observed" | "Likely" | "Possible" | "Unlikely" | "Unknown")[];
            /**
             * @example [
             *       "69"
             *     ]
             */
            departments?: string[];
            eventCodes?: ("intrusion" | "theft" | "armed-robbery" | "assault" | "suspicious-behaviour" | "suspicious-package" | "drone-overflight" | "crowd-disorder" | "fire" | "terrorist-threat" | "cyber-incident" | "other")[];
            /** @enum {string} */
            minimumSeverity?: "Extreme" | "Severe" | "Moderate" | "Minor" | "Unknown";
            /** @description The sender's sector */
            sectors?: ("PRIVATE_SECURITY" | "LARGE_RETAIL" | "JEWELLERY" | "TOBACCO" | "SOCIAL_HOUSING")[];
            statuses?: ("Actual" | "Exercise" | "System" | "Test" | "Draft")[];
            tlps?: ("CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED")[];
            urgencies?: ("Immediate" | "Expected" | "Future" | "Past" | "Unknown")[];
        };
        SecurityPlanDto: {
            /**
             * @description Approval date (YYYY-MM-DD); required when APPROVED
             * @example 2019-06-14
             */
            date?: string;
            /**
             * @example APPROVED
             * @enum {string}
             */
            status: "NONE" | "DRAFT" | "SUBMITTED" | "APPROVED";
            /**
             * @description Required when APPROVED
             * @example 3.1
             */
            version?: string;
        };
        SecurityPlanView: {
            /** @example 2019-06-14 */
            date?: string | null;
            /** @enum {string} */
            status: "NONE" | "DRAFT" | "SUBMITTED" | "APPROVED";
            /** @example 3.1 */
            version?: string | null;
        };
        SendBroadcastDto: {
            /** @description Only members of these conventions (their ids, as the registry lists them) */
            conventions?: string[];
            /**
             * @description Départements to reach; by default every one the sender may reach (a prefecture's own)
             * @example [
             *       "13"
             *     ]
             */
            departments?: string[];
            /** @example Trois tentatives cette semaine sur des bijouteries de Marseille. */
            description: string;
            /**
             * @description Only partners subscribed to this event code
             * @enum {string}
             */
            eventCode?: "intrusion" | "theft" | "armed-robbery" | "assault" | "suspicious-behaviour" | "suspicious-package" | "drone-overflight" | "crowd-disorder" | "fire" | "terrorist-threat" | "cyber-incident" | "other";
            /** @example 2026-12-05T00:00:00+01:00 */
            expires?: string;
            /** @example Vigilance renforcée : vols à la voiture bélier */
            headline: string;
            /** @example Signalez tout véhicule en repérage au 17. */
            instruction?: string;
            /** @description Only partners of these sectors */
            sectors?: ("PRIVATE_SECURITY" | "LARGE_RETAIL" | "JEWELLERY" | "TOBACCO" | "SOCIAL_HOUSING")[];
            /**
             * @default Moderate
             * @enum {string}
             */
            severity?: "Extreme" | "Severe" | "Moderate" | "Minor" | "Unknown";
            /**
             * @default Actual
             * @enum {string}
             */
            status?: "Actual" | "Exercise" | "System" | "Test" | "Draft";
            /**
             * @default GREEN
             * @enum {string}
             */
            tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
        };
        SessionView: {
            /** @description A signed JWT (EdDSA), sent as Authorization: Bearer to every service */
            accessToken: string;
            accessTokenExpiresAt: string;
            person: components["schemas"]["SignedInPersonView"];
            /** @description Kept server-side by the console; refreshes the access token (vgs_…) */
            sessionToken: string;
        };
        SeverityCount: {
            count: number;
            /** @enum {string} */
            severity: "Extreme" | "Severe" | "Moderate" | "Minor" | "Unknown";
        };
        SignedInPersonView: {
            departments: string[];
            email: string;
            fullName: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organisationId: string;
            organisationKind: string;
            organisationName: string;
            roles: ("DUTY_OFFICER" | "ORGANISATION_ADMIN" | "NATIONAL_ANALYST")[];
        };
        SignInDto: {
            email: string;
            password: string;
        };
        SiteOwnerRef: {
            /** Format: uuid */
            id: string;
            /** @example Centres commerciaux du Rhône */
            name: string;
        };
        SiteView: {
            /** @example 69123 */
            commune: string;
            /** @example Lyon */
            communeName?: string | null;
            createdAt: string;
            /** Format: uuid */
            crisisCoordinatorId?: string | null;
            /** @example 69 */
            department: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "SHOPPING_CENTRE" | "RETAIL_STORE" | "JEWELLERY_SHOP" | "TOBACCO_SHOP" | "HOUSING_ESTATE" | "OFFICE" | "WAREHOUSE" | "OTHER";
            /** @description What the site lacks against the large-retail convention’s recommendation */
            missing: ("APPROVED_SECURITY_PLAN" | "CRISIS_COORDINATOR")[];
            /** @example Centre commercial de la Part-Dieu */
            name: string;
            /** Format: uuid */
            organisationId: string;
            securityPlan: components["schemas"]["SecurityPlanView"];
            updatedAt: string;
        };
        StateSignInDto: {
            /** @description The ID token the console received from the State identity provider (a signed JWT) */
            idToken: string;
            /** @description The nonce of the authorization request that yielded this ID token */
            nonce: string;
            /** @description The provider's signed userinfo answer (a JWT about the same subject), when the provider puts the e-mail address there rather than in the ID token */
            userinfo?: string;
        };
        StatusChangeDto: {
            /** @example CNAPS authorisation withdrawn */
            reason: string;
        };
        SubmitAlertDto: {
            /**
             * @description Organisations named as recipients (CAP addresses): the only ones a TLP:RED alert reaches; under other labels they receive it if entitled in the département
             * @example [
             *       "5f0c7a4e-2b1d-4e8a-9c3f-7d6e5b4a3c21"
             *     ]
             */
            addresses?: string[];
            /**
             * @description The submitter's own identifier (CAP identifier); Vigie's id by default
             * @example GRA-2026-11-28-0042
             */
            identifier?: string;
            /**
             * @description CAP incidents: the sender’s own incident ids
             * @example [
             *       "GRA-INC-7781"
             *     ]
             */
            incidents?: string[];
            /** @description CAP info blocks, one per language. Required, except in a Cancel (which keeps the latest content) */
            info: components["schemas"]["SubmitAlertInfoDto"][];
            /** @description Required, except in a Cancel */
            location: components["schemas"]["SubmitLocationDto"];
            /**
             * @description Alert for a new alert; Update or Cancel (with `references`) for a new message in the chain of an earlier one
             * @default Alert
             * @enum {string}
             */
            msgType?: "Alert" | "Update" | "Cancel";
            /**
             * @description Required in a Cancel: its reason
             * @example Levée de doute : personnel de ménage
             */
            note?: string;
            /**
             * @description When it happened (ISO 8601); defaults to now
             * @example 2026-11-28T01:12:00+01:00
             */
            occurredAt?: string;
            /**
             * @description Free-text fields hold personal data (erased after the retention period)
             * @default false
             * @example false
             */
            personalData?: boolean;
            /**
             * @description CAP references of an Update or a Cancel: `sender,identifier,sent` of earlier messages of the alert, as Vigie answered them or as your CAP documents named them
             * @example [
             *       "vigie:organisation:0b5e3c1d-8f2a-4c6b-9d7e-3a1f5e2d4c6b,GRA-2026-11-28-0042,2026-11-28T01:14:05+01:00"
             *     ]
             */
            references?: string[];
            /**
             * @default Restricted
             * @example Restricted
             * @enum {string}
             */
            scope?: "Public" | "Restricted" | "Private";
            /**
             * @description Registry site concerned
             * @example 0d7c9a52-4bd5-4a36-9a5e-2f3b2c9e6d11
             */
            siteId?: string;
            /**
             * @example Actual
             * @enum {string}
             */
            status: "Actual" | "Exercise" | "System" | "Test" | "Draft";
            /**
             * @description Traffic Light Protocol 2.0 label
             * @default AMBER
             * @example AMBER
             * @enum {string}
             */
            tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
        };
        SubmitAlertInfoDto: {
            /** @description CAP areas; when absent, one area is made from the location (geocode INSEE) */
            area?: components["schemas"]["CapAreaDto"][];
            audience?: string;
            /**
             * @example [
             *       "Security"
             *     ]
             */
            category: ("Geo" | "Met" | "Safety" | "Security" | "Rescue" | "Fire" | "Health" | "Env" | "Transport" | "Infra" | "CBRNE" | "Other")[];
            /**
             * @example Observed
             * @enum {string}
             */
            certainty: "Observed" | "Likely" | "Possible" | "Unlikely" | "Unknown";
            contact?: string;
            /** @example Deux individus détectés par vidéoprotection, agent sur place. */
            description?: string;
            effective?: string;
            /**
             * @description CAP event text; defaults to the French name of the event code
             * @example Intrusion
             */
            event?: string;
            /**
             * @description Vigie event taxonomy
             * @example intrusion
             * @enum {string}
             */
            eventCode: "intrusion" | "theft" | "armed-robbery" | "assault" | "suspicious-behaviour" | "suspicious-package" | "drone-overflight" | "crowd-disorder" | "fire" | "terrorist-threat" | "cyber-incident" | "other";
            eventCodes?: components["schemas"]["CapValueDto"][];
            expires?: string;
            /** @example Intrusion en cours, entrepôt quai Rambaud */
            headline: string;
            /** @example Ne pas intervenir : attendre la police. */
            instruction?: string;
            /**
             * @default fr-FR
             * @example fr-FR
             */
            language?: string;
            onset?: string;
            parameter?: components["schemas"]["CapValueDto"][];
            resource?: components["schemas"]["CapResourceDto"][];
            /**
             * @example [
             *       "Monitor"
             *     ]
             */
            responseType?: string[];
            /** @example Gardiennage Rhône-Alpes, centrale de nuit */
            senderName?: string;
            /**
             * @example Severe
             * @enum {string}
             */
            severity: "Extreme" | "Severe" | "Moderate" | "Minor" | "Unknown";
            /**
             * @example Immediate
             * @enum {string}
             */
            urgency: "Immediate" | "Expected" | "Future" | "Past" | "Unknown";
            web?: string;
        };
        SubmitLocationDto: {
            /**
             * @description INSEE code of the commune
             * @example 69123
             */
            commune?: string;
            /** @description WGS 84 coordinates; give the département with them */
            coordinates?: components["schemas"]["CoordinatesDto"];
            /**
             * @description INSEE département code, with coordinates
             * @example 69
             */
            department?: string;
            /**
             * @description Postal code; refused with the candidates when it serves several communes
             * @example 69002
             */
            postalCode?: string;
        };
        SubscriptionView: {
            createdAt: string;
            /**
             * @example [
             *       "69"
             *     ]
             */
            departments: string[];
            /** @description Empty: every event */
            eventCodes: ("intrusion" | "theft" | "armed-robbery" | "assault" | "suspicious-behaviour" | "suspicious-package" | "drone-overflight" | "crowd-disorder" | "fire" | "terrorist-threat" | "cyber-incident" | "other")[];
            /** Format: uuid */
            id: string;
            includeExercises: boolean;
            /** @enum {string} */
            minimumSeverity: "Extreme" | "Severe" | "Moderate" | "Minor" | "Unknown";
            /** Format: uuid */
            organisationId: string;
            /** @description Empty: every sector */
            sectors: ("PRIVATE_SECURITY" | "LARGE_RETAIL" | "JEWELLERY" | "TOBACCO" | "SOCIAL_HOUSING")[];
        };
        TimeToAcknowledgeView: {
            /** @description The départements counted; null means every département (national level) */
            departments: string[] | null;
            /** Format: date-time */
            from: string;
            prefectures: components["schemas"]["PrefectureTimeToAcknowledgeView"][];
            /** Format: date-time */
            to: string;
        };
        UpdatePersonDto: {
            roles?: ("DUTY_OFFICER" | "ORGANISATION_ADMIN" | "NATIONAL_ANALYST")[];
            /** @enum {string} */
            status?: "ACTIVE" | "DISABLED";
        };
        UpdateReferentDto: {
            /** @example 69 */
            department?: string;
            /** @example camille.martin@example.fr */
            email?: string;
            /** @example Camille Martin */
            fullName?: string;
            /** @example 06 12 34 56 78 */
            phone?: string;
            /**
             * @example DEPUTY
             * @enum {string}
             */
            role?: "PRIMARY" | "DEPUTY";
        };
        UpdateSiteDto: {
            /**
             * Format: uuid
             * @description A referent of the same organisation; null removes the coordinator
             */
            crisisCoordinatorId?: string | null;
            /** @enum {string} */
            kind?: "SHOPPING_CENTRE" | "RETAIL_STORE" | "JEWELLERY_SHOP" | "TOBACCO_SHOP" | "HOUSING_ESTATE" | "OFFICE" | "WAREHOUSE" | "OTHER";
            /** @example Centre commercial de la Part-Dieu */
            name?: string;
            /** @description Replaces the whole plan */
            securityPlan?: components["schemas"]["SecurityPlanDto"];
        };
        WebhookDeliveryPage: {
            /** @description Newest first */
            items: components["schemas"]["WebhookDeliveryView"][];
            /** @description Pass as `cursor` for the next page */
            nextCursor?: string | null;
        };
        WebhookDeliveryView: {
            /**
             * @description Attempts made so far (from zero again after a redelivery)
             * @example 1
             */
            attempts: number;
            /** @example 2026-12-04T09:15:00.000Z */
            createdAt: string;
            /**
             * @description Duration of the last attempt, ms
             * @example 182
             */
            durationMs?: number | null;
            /**
             * Format: uuid
             * @description Sent as webhook-id (and Idempotency-Key): the same on every retry and redelivery.
             * @example 7d8a3c1e-2b4f-4e6a-9c0d-1f2e3a4b5c6d
             */
            id: string;
            /** @example 2026-12-04T09:15:00.231Z */
            lastAttemptAt?: string | null;
            /** @example null */
            lastError?: string | null;
            /**
             * @description When the next attempt is due (pending and failed deliveries)
             * @example null
             */
            nextAttemptAt?: string | null;
            /**
             * @description HTTP status of the last attempt
             * @example 204
             */
            responseStatus?: number | null;
            /** @example 2026-12-04T09:15:00.231Z */
            sentAt?: string | null;
            /**
             * @example sent
             * @enum {string}
             */
            status: "pending" | "failed" | "sent" | "dead";
            /**
             * Format: uuid
             * @description The alert or broadcast delivered (for a test event, the id of the test)
             * @example 3f0c9b52-6d1e-4a7b-8c2f-5e9d0a1b2c3d
             */
            subjectId: string;
            /**
             * @example alert.routed
             * @enum {string}
             */
            type: "alert.routed" | "alert.escalated" | "broadcast.routed" | "vigie.test";
        };
        WebhookImportDto: {
            /** @description Each row is validated on its own: a refused row is reported, the others are registered. */
            webhooks: components["schemas"]["WebhookImportRowDto"][];
        };
        WebhookImportProblemView: {
            /**
             * @description invalid_value, unknown_organisation (not known yet, or not one the caller manages), too_many_webhooks
             * @example invalid_value
             */
            code: string;
            /** @example https is required */
            detail?: string;
            /** @example url */
            field: string;
            /** @example La valeur du champ « url » n’est pas valide. */
            message: string;
            /** @example 2 */
            row: number;
        };
        WebhookImportReportView: {
            /** @example 1 */
            created: number;
            problems: components["schemas"]["WebhookImportProblemView"][];
            /** @example 1 */
            refused: number;
            results: components["schemas"]["WebhookImportResultView"][];
            /** @example 2 */
            rows: number;
            /** @example 0 */
            unchanged: number;
        };
        WebhookImportResultView: {
            /** Format: uuid */
            organisationId: string;
            /**
             * @description unchanged: the organisation already has this URL, active
             * @enum {string}
             */
            outcome: "created" | "unchanged";
            /**
             * @description Position of the row, from 1
             * @example 1
             */
            row: number;
            /**
             * @description The signing secret of a created webhook, in this answer only (never for an unchanged one)
             * @example whsec_RXhhbXBsZSBvbmx5OiBuZXZlciBhIHJlYWwga2V5ISE=
             */
            secret?: string;
            /** @example https://alarms.gardiennage-rhone.fr/vigie/webhook */
            url: string;
            /** Format: uuid */
            webhookId: string;
        };
        WebhookImportRowDto: {
            /**
             * Format: uuid
             * @description The organisation the endpoint belongs to
             */
            organisationId: string;
            /**
             * @description Where alerts are POSTed. https, no credentials, and a public address (checked at registration and before each delivery).
             * @example https://alarms.gardiennage-rhone.fr/vigie/webhook
             */
            url: string;
        };
        WebhookView: {
            /** @example 2025-11-28T09:15:00.000Z */
            createdAt: string;
            /**
             * @description Set while the webhook is disabled: it receives nothing, and no delivery is created for it.
             * @example null
             */
            disabledAt?: string | null;
            /**
             * @description by-organisation (disabled or deleted through the API), gone (the endpoint answered 410), failing (it kept failing: disabled automatically and the organisation e-mailed)
             * @example null
             * @enum {string|null}
             */
            disabledReason?: "by-organisation" | "gone" | "failing" | null;
            /**
             * Format: uuid
             * @example 0e6f2a4c-8f1b-4d3e-9a57-2c1d7b9e4f60
             */
            id: string;
            /**
             * @description Until then the secret replaced by the last rotation signs each delivery too
             * @example null
             */
            previousSecretExpiresAt?: string | null;
            /** @example https://alarms.gardiennage-rhone.fr/vigie/webhook */
            url: string;
        };
    };
    responses: {
        /** @description The request is malformed or fails validation; `details` lists each field and its problems. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "urn:vigie:problem:bad_request",
                 *       "title": "Bad request",
                 *       "status": 400,
                 *       "detail": "invalid request",
                 *       "error": "bad_request"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The key lacks the route's role, or its organisation is not active. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "urn:vigie:problem:forbidden",
                 *       "title": "Forbidden",
                 *       "status": 403,
                 *       "detail": "organisation is suspended",
                 *       "error": "forbidden"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Nothing with that id within the caller's organisation's reach. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "urn:vigie:problem:not_found",
                 *       "title": "Not found",
                 *       "status": 404,
                 *       "detail": "alert 0190b6c4-0000-7000-8000-000000000000 not found",
                 *       "error": "not_found"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is over 256 KiB. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "urn:vigie:problem:payload_too_large",
                 *       "title": "Payload too large",
                 *       "status": 413,
                 *       "detail": "request entity too large",
                 *       "error": "payload_too_large"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Over the per-key rate limit; wait for `Retry-After` seconds. */
        TooManyRequests: {
            headers: {
                /** @description Seconds to wait before trying again */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "urn:vigie:problem:too_many_requests",
                 *       "title": "Too many requests",
                 *       "status": 429,
                 *       "detail": "rate limit exceeded",
                 *       "error": "too_many_requests"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No credential, or an unknown, malformed, revoked or expired one. */
        Unauthenticated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "urn:vigie:problem:unauthenticated",
                 *       "title": "Unauthenticated",
                 *       "status": 401,
                 *       "detail": "missing API key: send Authorization: Bearer <key>",
                 *       "error": "unauthenticated"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A dependency (database, broker) is out of reach: nothing was done, retry after `Retry-After` seconds. */
        Unavailable: {
            headers: {
                /** @description Seconds to wait before trying again */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "urn:vigie:problem:unavailable",
                 *       "title": "Unavailable",
                 *       "status": 503,
                 *       "detail": "temporarily unavailable; retry later",
                 *       "error": "unavailable"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not in a media type the route takes. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "urn:vigie:problem:unsupported_media_type",
                 *       "title": "Unsupported media type",
                 *       "status": 415,
                 *       "detail": "Content-Type text/plain is not accepted; send application/json",
                 *       "error": "unsupported_media_type"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    sessionsJwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON Web Key Set (RFC 7517) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: Record<string, never>[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    healthCheck: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example ok
                         * @enum {string}
                         */
                        status?: "ok" | "degraded";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:unavailable",
                     *       "title": "Unavailable",
                     *       "status": 503,
                     *       "detail": "The Health Check is not successful",
                     *       "error": "unavailable"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    healthLive: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process serves requests */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                        uptimeSeconds: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            503: components["responses"]["Unavailable"];
        };
    };
    healthReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example ok
                         * @enum {string}
                         */
                        status?: "ok" | "degraded";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            /**
             * @description A dependency the service needs now is down; details per dependency
             *
             *     The Health Check is not successful
             */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:unavailable",
                     *       "title": "Unavailable",
                     *       "status": 503,
                     *       "detail": "A dependency the service needs now is down; details per dependency\n\nThe Health Check is not successful",
                     *       "error": "unavailable"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acknowledgementLinkApiAlert: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LinkedAlertView"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description Invalid or expired link. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "Invalid or expired link.",
                     *       "error": "not_found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    acknowledgementLinkApiAcknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcknowledgementView"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description Invalid or expired link, or the referent is no longer one. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "Invalid or expired link, or the referent is no longer one.",
                     *       "error": "not_found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    alertStatesList: {
        parameters: {
            query: {
                /** @description Comma-separated alert ids (at most 200): a page of a list, in one call */
                ids: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertStateView"][];
                };
            };
            /** @description ids missing, more than 200, or not UUIDs. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:bad_request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "detail": "ids missing, more than 200, or not UUIDs.",
                     *       "error": "bad_request"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    alertReadsList: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page */
                cursor?: string;
                department?: string;
                eventCode?: "intrusion" | "theft" | "armed-robbery" | "assault" | "suspicious-behaviour" | "suspicious-package" | "drone-overflight" | "crowd-disorder" | "fire" | "terrorist-threat" | "cyber-incident" | "other";
                /** @description Sent at or after (ISO 8601) */
                from?: string;
                limit?: number;
                msgType?: "Alert" | "Update" | "Cancel";
                severity?: "Extreme" | "Severe" | "Moderate" | "Minor" | "Unknown";
                status?: "Actual" | "Exercise" | "System" | "Test" | "Draft";
                /** @description Sent before (ISO 8601) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertPageView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    alertsSubmit: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the same key with the same body returns the alert already created (header Idempotent-Replayed: true); the same key with another body is refused with 422. Keys are per organisation. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description A CAP 1.2 XML document (application/cap+xml, up to 256 KiB) is read into the JSON form below and checked by the same rules. Vigie reads: the TLP label from an alert `code` such as `TLP:AMBER` (AMBER when absent), personal data from `code` `VIGIE:PERSONAL-DATA`, its event code from an `eventCode` whose valueName is `vigie` (`other` when absent; other tools’ codes are kept), and the commune from the first `geocode` whose valueName is `INSEE`. msgType is Alert, or Update or Cancel with `references` naming earlier messages of one of your alerts (`sender,identifier,sent`, as Vigie answered them or as your own CAP documents declared them); a Cancel needs a `note`, its content is the chain’s. DOCTYPE and ENTITY declarations are refused; unknown elements are ignored. */
        requestBody: {
            content: {
                "application/cap+xml": components["schemas"]["SubmitAlertDto"] | string;
                "application/json": components["schemas"]["SubmitAlertDto"] | string;
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertView"];
                };
            };
            /** @description Invalid body: `details` lists each field and its problems. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:bad_request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "detail": "Invalid body: `details` lists each field and its problems.",
                     *       "error": "bad_request"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description An Update or a Cancel of an alert that was cancelled. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "An Update or a Cancel of an alert that was cancelled.",
                     *       "error": "conflict"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (256 KiB for CAP XML). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "The body is over the size limit (256 KiB for CAP XML).",
                     *       "error": "payload_too_large"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is neither application/json nor application/cap+xml. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "The body is neither application/json nor application/cap+xml.",
                     *       "error": "unsupported_media_type"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The Idempotency-Key was already used with another body (`idempotency_key_reused`).
             *
             *     An Update or a Cancel whose references name no message you sent, or messages of several alerts.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:unprocessable",
                     *       "title": "Unprocessable",
                     *       "status": 422,
                     *       "detail": "The Idempotency-Key was already used with another body (`idempotency_key_reused`).\n\nAn Update or a Cancel whose references name no message you sent, or messages of several alerts.",
                     *       "error": "unprocessable"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    alertsGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON by default; a CAP 1.2 XML document when the Accept header prefers application/cap+xml. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/cap+xml": components["schemas"]["AlertView"];
                    "application/json": components["schemas"]["AlertView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    acknowledgementsList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcknowledgementView"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such alert, or not yours to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "No such alert, or not yours to see.",
                     *       "error": "not_found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    acknowledgementsAcknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "note": "Patrouille envoyée sur place"
                 *     }
                 */
                "application/json": components["schemas"]["AcknowledgeDto"];
            };
        };
        responses: {
            /** @description Already acknowledged: nothing changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcknowledgementView"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcknowledgementView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such alert was routed to your organisation. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "No such alert was routed to your organisation.",
                     *       "error": "not_found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    alertChangesCancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the same key with the same body returns the alert already created (header Idempotent-Replayed: true); the same key with another body is refused with 422. Keys are per organisation. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description The reason, or a CAP 1.2 Cancel document with the reason in its note; its references, when given, must name messages of this alert. */
        requestBody: {
            content: {
                "application/cap+xml": components["schemas"]["CancelAlertDto"] | string;
                "application/json": components["schemas"]["CancelAlertDto"] | string;
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The alert was already cancelled. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "The alert was already cancelled.",
                     *       "error": "conflict"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            /** @description The body is neither application/json nor application/cap+xml. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "The body is neither application/json nor application/cap+xml.",
                     *       "error": "unsupported_media_type"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The Idempotency-Key was already used with another body (`idempotency_key_reused`).
             *
             *     The references name no message you sent, or another alert.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:unprocessable",
                     *       "title": "Unprocessable",
                     *       "status": 422,
                     *       "detail": "The Idempotency-Key was already used with another body (`idempotency_key_reused`).\n\nThe references name no message you sent, or another alert.",
                     *       "error": "unprocessable"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    alertChangesChain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertView"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such alert, or not yours to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "No such alert, or not yours to see.",
                     *       "error": "not_found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    escalationShow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalationView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No escalation for this alert (not Extreme or Severe), or not yours to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "No escalation for this alert (not Extreme or Severe), or not yours to see.",
                     *       "error": "not_found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    alertChangesHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertView"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    routingDecision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingDecisionView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    alertChangesUpdate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the same key with the same body returns the alert already created (header Idempotent-Replayed: true); the same key with another body is refused with 422. Keys are per organisation. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description The new content, as for a submission (the status cannot change), or a CAP 1.2 Update document; its references, when given, must name messages of this alert. */
        requestBody: {
            content: {
                "application/cap+xml": components["schemas"]["SubmitAlertDto"] | string;
                "application/json": components["schemas"]["SubmitAlertDto"] | string;
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The alert was cancelled. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "The alert was cancelled.",
                     *       "error": "conflict"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            /** @description The body is neither application/json nor application/cap+xml. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "The body is neither application/json nor application/cap+xml.",
                     *       "error": "unsupported_media_type"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The Idempotency-Key was already used with another body (`idempotency_key_reused`).
             *
             *     The references name no message you sent, or another alert.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:unprocessable",
                     *       "title": "Unprocessable",
                     *       "status": 422,
                     *       "detail": "The Idempotency-Key was already used with another body (`idempotency_key_reused`).\n\nThe references name no message you sent, or another alert.",
                     *       "error": "unprocessable"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    credentialsRevoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    credentialsRotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": components["schemas"]["RotateKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedKeyView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    auditList: {
        parameters: {
            query?: {
                /** @description Entries older than this id (paging: the last id of the previous page) */
                before?: number;
                /** @description The kind of object changed or read: organisation, api-key, person, invitation, subscription, site, alert, audit, … */
                entity?: string;
                /** @description The id of the object changed or read (with or without entity) */
                entityId?: string;
                /** @description Entries at or after this instant (ISO 8601) */
                from?: string;
                /** @description Changes only, or reads only (default: both) */
                kind?: "change" | "read";
                limit?: number;
                /** @description Entries about this organisation (for a read: the organisation that read, or whose list was read) */
                organisationId?: string;
                /** @description Entries of what this person changed or read (through the console) */
                personId?: string;
                /** @description Entries before this instant (ISO 8601) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntryView"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            /** @description The caller is neither an administrator nor an operator of the national level. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The caller is neither an administrator nor an operator of the national level.",
                     *       "error": "forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    broadcastAcknowledgementsMany: {
        parameters: {
            query: {
                /** @description Comma-separated broadcast ids (at most 100): a page of a list, in one call */
                ids: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BroadcastAcknowledgementView"][];
                };
            };
            /** @description ids missing, more than 100, or not UUIDs. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:bad_request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "detail": "ids missing, more than 100, or not UUIDs.",
                     *       "error": "bad_request"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    broadcastsList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BroadcastView"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    broadcastsSend: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "headline": "Vigilance renforcée : vols à la voiture bélier",
                 *       "description": "Trois tentatives cette semaine sur des bijouteries de Marseille.",
                 *       "instruction": "Signalez tout véhicule en repérage au 17.",
                 *       "expires": "2026-12-05T00:00:00+01:00",
                 *       "departments": [
                 *         "13"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["SendBroadcastDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BroadcastView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            /** @description Not a prefecture or the national level, or beyond its départements. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "Not a prefecture or the national level, or beyond its départements.",
                     *       "error": "forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    broadcastsGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BroadcastView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    broadcastAcknowledgementsList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BroadcastAcknowledgementView"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such broadcast, or not yours to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "No such broadcast, or not yours to see.",
                     *       "error": "not_found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    broadcastAcknowledgementsAcknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Already acknowledged: nothing changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BroadcastAcknowledgementView"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BroadcastAcknowledgementView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such broadcast was routed to your organisation. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "No such broadcast was routed to your organisation.",
                     *       "error": "not_found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    broadcastsPreview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "headline": "Vigilance renforcée : vols à la voiture bélier",
                 *       "description": "Trois tentatives cette semaine sur des bijouteries de Marseille.",
                 *       "instruction": "Signalez tout véhicule en repérage au 17.",
                 *       "expires": "2026-12-05T00:00:00+01:00",
                 *       "departments": [
                 *         "13"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["SendBroadcastDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BroadcastPreviewView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            /** @description Not a prefecture or the national level, or beyond its départements. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "Not a prefecture or the national level, or beyond its départements.",
                     *       "error": "forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    communesSearch: {
        parameters: {
            query: {
                limit?: number;
                /** @description A name (accents, hyphens and "saint" optional, words in any order, each a prefix) or digits of a postal or INSEE code */
                q: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommuneView"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    conventionsList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConventionView"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    conventionsGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConventionView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    conventionsMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberView"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    conventionsJoin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "organisationId": "3f0c6a3e-5d0b-4f8e-9a57-0d6c1b1e2a4f"
                 *     }
                 */
                "application/json": components["schemas"]["JoinConventionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MembershipView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description Already a member, or the convention cannot take members yet. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "Already a member, or the convention cannot take members yet.",
                     *       "error": "conflict"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    conventionsLeave: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                organisationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    conventionsCoverage: {
        parameters: {
            query?: {
                /** @description This département only (within your scope) */
                department?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoverageView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            /** @description The caller is neither a prefecture, a State force nor the national level. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The caller is neither a prefecture, a State force nor the national level.",
                     *       "error": "forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    deliveriesList: {
        parameters: {
            query?: {
                /** @description The routed alert (or broadcast). Give either alertId or state. */
                alertId?: string;
                /** @description With state: at most this many deliveries */
                limit?: number;
                /** @description The caller's organisation's deliveries in this state, newest first: failing (the last attempt failed, another is scheduled) or dead (given up; a webhook's dead delivery can be redelivered). Give either alertId or state. */
                state?: "failing" | "dead";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryView"][];
                };
            };
            /** @description Neither or both of alertId and state, alertId not a UUID, an unknown state or a limit out of 1–200. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:bad_request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "detail": "Neither or both of alertId and state, alertId not a UUID, an unknown state or a limit out of 1–200.",
                     *       "error": "bad_request"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    departmentsList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentView"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    departmentsGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    complianceCompliance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplianceView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    referentsDirectory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryEntryView"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    openEscalationsList: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenEscalationPageView"];
                };
            };
            /** @description A cursor this API did not return, or a limit outside 1–200. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:bad_request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "detail": "A cursor this API did not return, or a limit outside 1–200.",
                     *       "error": "bad_request"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /** @description The caller is neither a prefecture, a State force nor the national level. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The caller is neither a prefecture, a State force nor the national level.",
                     *       "error": "forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    peopleAccept: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "token": "string",
                 *       "password": "xxxxxxxxxxxx"
                 *     }
                 */
                "application/json": components["schemas"]["AcceptInvitationDto"];
            };
        };
        responses: {
            /** @description The account is created; the person signs in with it */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        /** Format: uuid */
                        personId: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description Unknown or already used. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "Unknown or already used.",
                     *       "error": "not_found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A person with this e-mail address already has an account. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "A person with this e-mail address already has an account.",
                     *       "error": "conflict"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Expired. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:gone",
                     *       "title": "Gone",
                     *       "status": 410,
                     *       "detail": "Expired.",
                     *       "error": "gone"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    peopleLookup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "token": "string"
                 *     }
                 */
                "application/json": components["schemas"]["InvitationTokenDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationLookupView"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description Unknown or already used. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "Unknown or already used.",
                     *       "error": "not_found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Expired. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:gone",
                     *       "title": "Gone",
                     *       "status": 410,
                     *       "detail": "Expired.",
                     *       "error": "gone"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    meMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallerView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    organisationsList: {
        parameters: {
            query?: {
                department?: string;
                kind?: "SECURITY_FIRM" | "SHOPPING_SITE_OPERATOR" | "JEWELLER" | "TOBACCONIST" | "SOCIAL_LANDLORD" | "PROFESSIONAL_BODY" | "PREFECTURE" | "STATE_FORCE" | "NATIONAL_LEVEL";
                status?: "PENDING" | "ACTIVE" | "SUSPENDED" | "REVOKED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationView"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    organisationsCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kind": "SECURITY_FIRM",
                 *       "name": "Gardiennage Rhône-Alpes SAS",
                 *       "departments": [
                 *         "69"
                 *       ],
                 *       "siret": "73282932000074",
                 *       "cnapsNumber": "AUT-069-2118-05-23-20190371234"
                 *     }
                 */
                "application/json": components["schemas"]["CreateOrganisationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    organisationsGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    organisationsActivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "Member of the private-security convention"
                 *     }
                 */
                "application/json": components["schemas"]["ActivationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description Not possible from the current status (a revoked organisation never changes again). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "Not possible from the current status (a revoked organisation never changes again).",
                     *       "error": "conflict"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    credentialsList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyView"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    credentialsIssue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "roles": [
                 *         "publisher",
                 *         "subscriber"
                 *       ],
                 *       "label": "alarm-centre integration",
                 *       "expiresAt": "2027-06-30T00:00:00Z"
                 *     }
                 */
                "application/json": components["schemas"]["IssueKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedKeyView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    peopleInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationView"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    peopleInvite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "camille.durand@rhone.gouv.fr",
                 *       "fullName": "Camille Durand",
                 *       "roles": [
                 *         "DUTY_OFFICER"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["InviteDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedInvitationView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description A person with this e-mail address already has an account. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "A person with this e-mail address already has an account.",
                     *       "error": "conflict"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    peopleList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonView"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    referentsList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferentView"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    referentsCreate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "department": "69",
                 *       "role": "PRIMARY",
                 *       "fullName": "Camille Martin",
                 *       "email": "camille.martin@example.fr",
                 *       "phone": "+33 4 72 61 60 60"
                 *     }
                 */
                "application/json": components["schemas"]["CreateReferentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferentView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The organisation already has a referent of this role for the département. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "The organisation already has a referent of this role for the département.",
                     *       "error": "conflict"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    organisationsRevoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "CNAPS authorisation withdrawn"
                 *     }
                 */
                "application/json": components["schemas"]["StatusChangeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description Not possible from the current status (a revoked organisation never changes again). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "Not possible from the current status (a revoked organisation never changes again).",
                     *       "error": "conflict"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    sitesList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SiteView"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    sitesCreate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Centre commercial de la Part-Dieu",
                 *       "kind": "SHOPPING_CENTRE",
                 *       "commune": "69123"
                 *     }
                 */
                "application/json": components["schemas"]["CreateSiteDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SiteView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    subscriptionsList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionView"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    subscriptionsCreate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "departments": [
                 *         "69"
                 *       ],
                 *       "eventCodes": [
                 *         "intrusion",
                 *         "armed-robbery"
                 *       ],
                 *       "minimumSeverity": "Moderate",
                 *       "sectors": [
                 *         "LARGE_RETAIL"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CreateSubscriptionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The organisation holds the most subscriptions allowed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "The organisation holds the most subscriptions allowed.",
                     *       "error": "conflict"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    subscriptionsRemove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    organisationsSuspend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "CNAPS authorisation withdrawn"
                 *     }
                 */
                "application/json": components["schemas"]["StatusChangeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description Not possible from the current status (a revoked organisation never changes again). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "Not possible from the current status (a revoked organisation never changes again).",
                     *       "error": "conflict"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    importsRun: {
        parameters: {
            query?: {
                /** @description Activate the organisations the import creates (otherwise they stay PENDING) */
                activate?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {}
                 *     ]
                 */
                "application/json": Record<string, never>[] | string;
                /**
                 * @example [
                 *       {}
                 *     ]
                 */
                "text/csv": Record<string, never>[] | string;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReportView"];
                };
            };
            /** @description The file cannot be read, holds no row or too many. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:bad_request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "detail": "The file cannot be read, holds no row or too many.",
                     *       "error": "bad_request"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /** @description Neither an administrator nor a prefecture. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "Neither an administrator nor a prefecture.",
                     *       "error": "forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    peopleUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": components["schemas"]["UpdatePersonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    receivedBroadcastsList: {
        parameters: {
            query?: {
                /** @description The cursor of the next page, as the `Link` header (rel="next") of the previous page gave it */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The next page, when there is one: `</v1/received-broadcasts?cursor=…&limit=…>; rel="next"` (RFC 8288) */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceivedBroadcastView"][];
                };
            };
            /** @description A limit out of 1–100, or a cursor this API did not return. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:bad_request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "detail": "A limit out of 1–100, or a cursor this API did not return.",
                     *       "error": "bad_request"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    receivedBroadcastsGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceivedBroadcastView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such broadcast was routed to your organisation. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "No such broadcast was routed to your organisation.",
                     *       "error": "not_found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    referentsRemove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The referent coordinates crisis management for a site: replace them there first. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "The referent coordinates crisis management for a site: replace them there first.",
                     *       "error": "conflict"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    referentsUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "department": "69",
                 *       "role": "DEPUTY",
                 *       "fullName": "Camille Martin",
                 *       "email": "camille.martin@example.fr",
                 *       "phone": "06 12 34 56 78"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateReferentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferentView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The organisation already has a referent of this role for the département. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "The organisation already has a referent of this role for the département.",
                     *       "error": "conflict"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    previewPreview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "commune": "69123",
                 *       "department": "69",
                 *       "eventCode": "intrusion",
                 *       "severity": "Extreme"
                 *     }
                 */
                "application/json": components["schemas"]["PreviewAlertDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingPreviewView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    previewSenders: {
        parameters: {
            query?: {
                /** @description Those that may publish in this département; without it, anywhere in your scope */
                department?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreviewSenderView"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            /** @description Not an administrator, nor an operator of the national level or of a prefecture competent there. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "Not an administrator, nor an operator of the national level or of a prefecture competent there.",
                     *       "error": "forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    rulesList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingRuleView"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    rulesCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "description": "Copie des survols de drone du Rhône au centre commercial",
                 *       "when": [
                 *         {
                 *           "departments": [
                 *             "69"
                 *           ]
                 *         }
                 *       ],
                 *       "select": {
                 *         "type": "competent"
                 *       },
                 *       "id": "rhone-drones-retail"
                 *     }
                 */
                "application/json": components["schemas"]["CreateRoutingRuleDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingRuleView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            /** @description Beyond the caller’s competence, or not a prefecture. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "Beyond the caller’s competence, or not a prefecture.",
                     *       "error": "forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A routing rule with this id already exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "A routing rule with this id already exists.",
                     *       "error": "conflict"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    rulesGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingRuleView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    rulesReplace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "description": "Copie des survols de drone du Rhône au centre commercial",
                 *       "when": [
                 *         {
                 *           "departments": [
                 *             "69"
                 *           ]
                 *         }
                 *       ],
                 *       "select": {
                 *         "type": "competent"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["RoutingRuleBodyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingRuleView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    rulesRemove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    sentAlertsList: {
        parameters: {
            query?: {
                /** @description The cursor of the next page, as the `Link` header (rel="next") of the previous page gave it */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The next page, when there is one: `</v1/sent-alerts?cursor=…&limit=…>; rel="next"` (RFC 8288) */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertView"][];
                };
            };
            /** @description A limit out of 1–200, or a cursor this API did not return. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:bad_request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "detail": "A limit out of 1–200, or a cursor this API did not return.",
                     *       "error": "bad_request"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    sessionsSignIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "string",
                 *       "password": "string"
                 *     }
                 */
                "application/json": components["schemas"]["SignInDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description Unknown e-mail address or wrong password (the same answer for both). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:unauthenticated",
                     *       "title": "Unauthenticated",
                     *       "status": 401,
                     *       "detail": "Unknown e-mail address or wrong password (the same answer for both).",
                     *       "error": "unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Locked for a while after repeated wrong passwords. */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:locked",
                     *       "title": "Locked",
                     *       "status": 423,
                     *       "detail": "Locked for a while after repeated wrong passwords.",
                     *       "error": "locked"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    sessionsSignOut: {
        parameters: {
            query?: never;
            header: {
                authorization: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            /** @description No session token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:unauthenticated",
                     *       "title": "Unauthenticated",
                     *       "status": 401,
                     *       "detail": "No session token.",
                     *       "error": "unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    sessionsSignInWithStateIdentity: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "idToken": "string",
                 *       "nonce": "string"
                 *     }
                 */
                "application/json": components["schemas"]["StateSignInDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description The ID token is invalid, for another client, expired, already used, or the account is disabled. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:unauthenticated",
                     *       "title": "Unauthenticated",
                     *       "status": 401,
                     *       "detail": "The ID token is invalid, for another client, expired, already used, or the account is disabled.",
                     *       "error": "unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The person does not belong to a State organisation (`not_state_organisation`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The person does not belong to a State organisation (`not_state_organisation`).",
                     *       "error": "forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No person account has this e-mail address (`no_account`), or State sign-in is off. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "No person account has this e-mail address (`no_account`), or State sign-in is off.",
                     *       "error": "not_found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    sessionsRefresh: {
        parameters: {
            query?: never;
            header: {
                authorization: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessView"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description No session token, or the session has ended. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:unauthenticated",
                     *       "title": "Unauthenticated",
                     *       "status": 401,
                     *       "detail": "No session token, or the session has ended.",
                     *       "error": "unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    sessionsSignOutEverywhere: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    sitesGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SiteView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    sitesRemove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    sitesUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Centre commercial de la Part-Dieu"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateSiteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SiteView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    alertStatisticsCount: {
        parameters: {
            query?: {
                /** @description Count this département only (within your scope) */
                department?: string;
                /** @description Sent at or after (ISO 8601); default: 30 days before `to` */
                from?: string;
                /** @description Sent before (ISO 8601); default: now. At most 366 days after `from`. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertStatisticsView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            /** @description The caller is neither a prefecture, a State force nor the national level. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The caller is neither a prefecture, a State force nor the national level.",
                     *       "error": "forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    escalationStatisticsOpen: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenEscalationsView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            /** @description The caller is neither a prefecture, a State force nor the national level. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The caller is neither a prefecture, a State force nor the national level.",
                     *       "error": "forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    timeToAcknowledgeGet: {
        parameters: {
            query?: {
                /** @description Escalations armed at or after (ISO 8601); default: 30 days before `to` */
                from?: string;
                /** @description Armed before (ISO 8601); default: now. At most 366 days after `from`. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeToAcknowledgeView"];
                };
            };
            /** @description Invalid period. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:bad_request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "detail": "Invalid period.",
                     *       "error": "bad_request"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /** @description The caller is neither a prefecture, a State force nor the national level. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The caller is neither a prefecture, a State force nor the national level.",
                     *       "error": "forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    streamStream: {
        parameters: {
            query?: never;
            header?: {
                /** @description The id of the last event received */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream (text/event-stream). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    webhooksList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookView"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    webhooksRegister: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://alarms.gardiennage-rhone.fr/vigie/webhook"
                 *     }
                 */
                "application/json": components["schemas"]["RegisterWebhookDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredWebhookView"];
                };
            };
            /** @description The URL is malformed, not https, carries credentials or targets a non-public address. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:bad_request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "detail": "The URL is malformed, not https, carries credentials or targets a non-public address.",
                     *       "error": "bad_request"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description The organisation already has the maximum number of active webhooks. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "The organisation already has the maximum number of active webhooks.",
                     *       "error": "conflict"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    webhooksRemove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Disabled (or already disabled). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No webhook with this id belongs to your organisation. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "No webhook with this id belongs to your organisation.",
                     *       "error": "not_found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    webhookDeliveriesList: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description Only deliveries in this status */
                status?: "pending" | "failed" | "sent" | "dead";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPage"];
                };
            };
            /** @description An unknown status, a limit out of 1–100 or a cursor this API did not return. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:bad_request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "detail": "An unknown status, a limit out of 1–100 or a cursor this API did not return.",
                     *       "error": "bad_request"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No webhook (or delivery of it) with this id belongs to your organisation. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "No webhook (or delivery of it) with this id belongs to your organisation.",
                     *       "error": "not_found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    webhookDeliveriesRedeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deliveryId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No webhook (or delivery of it) with this id belongs to your organisation. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "No webhook (or delivery of it) with this id belongs to your organisation.",
                     *       "error": "not_found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The webhook is disabled, or the delivery is still pending or failed (queued). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "The webhook is disabled, or the delivery is still pending or failed (queued).",
                     *       "error": "conflict"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    webhooksDisable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Disabled (or already disabled). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No webhook with this id belongs to your organisation. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "No webhook with this id belongs to your organisation.",
                     *       "error": "not_found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    webhooksEnable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Enabled (or already enabled). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No webhook with this id belongs to your organisation. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "No webhook with this id belongs to your organisation.",
                     *       "error": "not_found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The organisation already has the maximum number of active webhooks. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "The organisation already has the maximum number of active webhooks.",
                     *       "error": "conflict"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    webhookDeliveriesRedeliverSince: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "since": "2026-12-01T08:00:00Z"
                 *     }
                 */
                "application/json": components["schemas"]["RedeliverSinceDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedeliveriesView"];
                };
            };
            /** @description since is missing or not an ISO 8601 instant. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:bad_request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "detail": "since is missing or not an ISO 8601 instant.",
                     *       "error": "bad_request"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No webhook (or delivery of it) with this id belongs to your organisation. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "No webhook (or delivery of it) with this id belongs to your organisation.",
                     *       "error": "not_found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The webhook is disabled. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "The webhook is disabled.",
                     *       "error": "conflict"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    webhooksRotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "overlapSeconds": 86400
                 *     }
                 */
                "application/json": components["schemas"]["RotateSecretDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotatedSecretView"];
                };
            };
            /** @description overlapSeconds is not an integer between 0 and 604800. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:bad_request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "detail": "overlapSeconds is not an integer between 0 and 604800.",
                     *       "error": "bad_request"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No webhook with this id belongs to your organisation. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "No webhook with this id belongs to your organisation.",
                     *       "error": "not_found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    webhookDeliveriesTest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No webhook (or delivery of it) with this id belongs to your organisation. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "No webhook (or delivery of it) with this id belongs to your organisation.",
                     *       "error": "not_found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The webhook is disabled. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "The webhook is disabled.",
                     *       "error": "conflict"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    webhookImportRun: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "webhooks": [
                 *         {
                 *           "url": "https://alarms.gardiennage-rhone.fr/vigie/webhook",
                 *           "organisationId": "0190b6c4-5a7e-7c3e-9f00-6b1d2c3e4f50"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["WebhookImportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookImportReportView"];
                };
            };
            /** @description Not an object whose "webhooks" is an array of 1 to 10,000 rows. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:bad_request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "detail": "Not an object whose \"webhooks\" is an array of 1 to 10,000 rows.",
                     *       "error": "bad_request"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /** @description Neither an administrator nor a prefecture. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:vigie:problem:forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "Neither an administrator nor a prefecture.",
                     *       "error": "forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    webhookAlertEscalated: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id again, for receivers that deduplicate on this name */
                "Idempotency-Key": string;
                /**
                 * @deprecated
                 * @description Deprecated: the delivery id (= webhook-id)
                 */
                "Vigie-Delivery-Id": string;
                /**
                 * @deprecated
                 * @description Deprecated: `v1=` and the hex HMAC-SHA256 of `<Vigie-Timestamp>.<raw body>` keyed with the secret as issued, one per valid secret, comma-separated
                 */
                "Vigie-Signature": string;
                /**
                 * @deprecated
                 * @description Deprecated: = webhook-timestamp
                 */
                "Vigie-Timestamp": string;
                /** @description The delivery id: the same on every retry and redelivery (deduplicate on it) */
                "webhook-id": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>">`, one per valid secret (two during a rotation's overlap) */
                "webhook-signature": string;
                /** @description Unix seconds when the attempt was signed */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AlertEscalatedMessage"] & unknown;
            };
        };
        responses: {
            /** @description Received (any 2xx): the delivery is done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description This endpoint is retired: the delivery stops and the webhook is disabled */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, or none within the timeout: retried with backoff */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookAlertRouted: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id again, for receivers that deduplicate on this name */
                "Idempotency-Key": string;
                /**
                 * @deprecated
                 * @description Deprecated: the delivery id (= webhook-id)
                 */
                "Vigie-Delivery-Id": string;
                /**
                 * @deprecated
                 * @description Deprecated: `v1=` and the hex HMAC-SHA256 of `<Vigie-Timestamp>.<raw body>` keyed with the secret as issued, one per valid secret, comma-separated
                 */
                "Vigie-Signature": string;
                /**
                 * @deprecated
                 * @description Deprecated: = webhook-timestamp
                 */
                "Vigie-Timestamp": string;
                /** @description The delivery id: the same on every retry and redelivery (deduplicate on it) */
                "webhook-id": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>">`, one per valid secret (two during a rotation's overlap) */
                "webhook-signature": string;
                /** @description Unix seconds when the attempt was signed */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AlertRoutedMessage"] & unknown;
            };
        };
        responses: {
            /** @description Received (any 2xx): the delivery is done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description This endpoint is retired: the delivery stops and the webhook is disabled */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, or none within the timeout: retried with backoff */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookBroadcastRouted: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id again, for receivers that deduplicate on this name */
                "Idempotency-Key": string;
                /**
                 * @deprecated
                 * @description Deprecated: the delivery id (= webhook-id)
                 */
                "Vigie-Delivery-Id": string;
                /**
                 * @deprecated
                 * @description Deprecated: `v1=` and the hex HMAC-SHA256 of `<Vigie-Timestamp>.<raw body>` keyed with the secret as issued, one per valid secret, comma-separated
                 */
                "Vigie-Signature": string;
                /**
                 * @deprecated
                 * @description Deprecated: = webhook-timestamp
                 */
                "Vigie-Timestamp": string;
                /** @description The delivery id: the same on every retry and redelivery (deduplicate on it) */
                "webhook-id": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>">`, one per valid secret (two during a rotation's overlap) */
                "webhook-signature": string;
                /** @description Unix seconds when the attempt was signed */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BroadcastRoutedMessage"] & unknown;
            };
        };
        responses: {
            /** @description Received (any 2xx): the delivery is done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description This endpoint is retired: the delivery stops and the webhook is disabled */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, or none within the timeout: retried with backoff */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
