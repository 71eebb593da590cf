package club.twinning.k8s;

import java.util.List;
import java.util.Map;

/**
 * The custom resources these manifests use whose CRD schema is not among ../shared/k8s-schemas (CloudNativePG's
 * Pooler and ScheduledBackup, the Prometheus operator's PrometheusRule): records written from the operators' CRD
 * references, parsed strictly, so a misspelt or misplaced field fails.
 */
final class OperatorResources {

    private OperatorResources() {
    }

    record Metadata(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
    }

    record LocalRef(String name) {
    }

    // CloudNativePG, postgresql.cnpg.io/v1
    record Pooler(String apiVersion, String kind, Metadata metadata, PoolerSpec spec) {
    }

    record PoolerSpec(LocalRef cluster, Integer instances, PoolerType type, PgBouncer pgbouncer, Map<String, Object> template) {
    }

    enum PoolerType { rw, ro }

    record PgBouncer(PoolMode poolMode, Map<String, String> parameters, Boolean paused) {
    }

    enum PoolMode { session, transaction }

    record ScheduledBackup(String apiVersion, String kind, Metadata metadata, ScheduledBackupSpec spec) {
    }

    record ScheduledBackupSpec(String schedule, BackupOwner backupOwnerReference, Boolean immediate, Boolean suspend,
                               BackupMethod method, LocalRef cluster, String target) {
    }

    enum BackupOwner { none, self, cluster }

    enum BackupMethod { barmanObjectStore, volumeSnapshot, plugin }

    // Prometheus operator, monitoring.coreos.com/v1
    record PrometheusRule(String apiVersion, String kind, Metadata metadata, RuleSpec spec) {
    }

    record RuleSpec(List<RuleGroup> groups) {
    }

    record RuleGroup(String name, String interval, List<Rule> rules) {
    }

    record Rule(String alert, String record, String expr, String keep_firing_for, Map<String, String> labels,
                Map<String, String> annotations, @com.fasterxml.jackson.annotation.JsonProperty("for") String forDuration) {
    }

    /** The record type of a custom resource without a schema here, by apiVersion and kind. */
    static Class<? extends Record> typeOf(String apiVersion, String kind) {
        return switch (apiVersion + "/" + kind) {
            case "postgresql.cnpg.io/v1/Pooler" -> Pooler.class;
            case "postgresql.cnpg.io/v1/ScheduledBackup" -> ScheduledBackup.class;
            case "monitoring.coreos.com/v1/PrometheusRule" -> PrometheusRule.class;
            default -> null;
        };
    }
}
