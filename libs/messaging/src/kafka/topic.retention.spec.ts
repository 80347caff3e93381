import { COMPACTED_TOPICS, Topics, allTopics, deadLetterTopicOf } from '@vigie/contracts';
import { vigieTopicSettings } from './topic.provisioner';
import { TOPIC_RETENTION_DEFAULT_SECONDS, TOPIC_RETENTION_FLOOR_SECONDS, checkTopicRetention } from './topic.retention';

describe('topic retention', () => {
  it('bounds every topic that is not compacted, dead-letter twins included, and leaves compaction alone', () => {
    const settings = vigieTopicSettings(86_400_000);
    expect([...settings.keys()].sort()).toEqual(allTopics().sort());
    for (const [topic, own] of settings) {
      if (COMPACTED_TOPICS.includes(topic as never)) {
        expect(own).toEqual({ 'cleanup.policy': 'compact' });
      } else {
        expect(own).toEqual({ 'cleanup.policy': 'delete', 'retention.ms': '86400000' });
      }
    }
    expect(settings.get(Topics.AlertSubmittedV1)?.['retention.ms']).toBe('86400000');
    expect(settings.get(deadLetterTopicOf(Topics.PartnerChangedV1))?.['retention.ms']).toBe('86400000');
    expect(settings.get(Topics.PartnerChangedV1)?.['retention.ms']).toBeUndefined();
  });

  it('defaults to a week, below the 90-day personal-data default', () => {
    expect(TOPIC_RETENTION_DEFAULT_SECONDS).toBe(604_800);
    expect(() => checkTopicRetention(TOPIC_RETENTION_DEFAULT_SECONDS, 90 * 86400)).not.toThrow();
  });

  it('refuses topics that would keep alerts longer than the personal-data period', () => {
    expect(() => checkTopicRetention(30 * 86400, 7 * 86400)).toThrow(
      /^invalid configuration:\n {2}KAFKA_TOPIC_RETENTION_SECONDS: 2592000 exceeds PERSONAL_DATA_RETENTION_SECONDS \(604800\).*at most 604800/s,
    );
    expect(() => checkTopicRetention(7 * 86400, 7 * 86400)).not.toThrow();
  });

  it('lets a personal-data period shorter than the floor keep the floor in Kafka, no more', () => {
    expect(() => checkTopicRetention(TOPIC_RETENTION_FLOOR_SECONDS, 2)).not.toThrow();
    expect(() => checkTopicRetention(TOPIC_RETENTION_FLOOR_SECONDS + 1, 2)).toThrow(/at most 3600/);
  });
});
