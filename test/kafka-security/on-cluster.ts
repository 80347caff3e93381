// Jest setup of the kafka-security project: shared test helpers (test-stack, the fault oracle)
// talk to the secured cluster, each service with its own user (see test/e2e.env.ts).
process.env.VIGIE_TEST_KAFKA_CLUSTER = '1';
