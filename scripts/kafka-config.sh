# Kafka settings shared by the single development broker (scripts/infra.sh) and the secured
# three-node cluster (scripts/kafka-cluster.sh). Sourced by both: it only defines functions,
# each printing settings on stdout.

# Broker settings both use, whatever the number of nodes and the security.
kafka_shared_properties() {
  cat <<PROPS
# Consumers of a fresh group get their partitions at once instead of after 3 s.
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=2

# Topics are created explicitly by the services, never by a stray producer.
auto.create.topics.enable=false
delete.topic.enable=true
log.retention.hours=168
PROPS
}

# Replication: $1 = replicas of every topic (the internal ones too), $2 = how many must be in
# sync to take a write, $3 = partitions of a new topic.
kafka_replication_properties() {
  cat <<PROPS
num.partitions=$3
default.replication.factor=$1
min.insync.replicas=$2
offsets.topic.replication.factor=$1
# The default of 50 partitions makes the first consumer group slow to appear.
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=$1
transaction.state.log.min.isr=$2
transaction.state.log.num.partitions=6
PROPS
}

# A broker's log4j settings: $1 = its log file, $2 = how many rolled files to keep.
kafka_broker_log4j() {
  cat <<LOG4J
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=$1
log4j.appender.file.MaxFileSize=50MB
log4j.appender.file.MaxBackupIndex=$2
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
# Per-request and state-change chatter is noise here.
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
LOG4J
}

# The log4j settings of Kafka's command-line tools (the storage tool): problems only, on stderr.
kafka_tools_log4j() {
  cat <<LOG4J
log4j.rootLogger=WARN, stderr
log4j.appender.stderr=org.apache.log4j.ConsoleAppender
log4j.appender.stderr.Target=System.err
log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n
LOG4J
}
