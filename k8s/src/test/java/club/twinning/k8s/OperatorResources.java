package club.twinning.k8s;

import java.util.List;
import java.util.Map;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * The CloudNativePG, Keycloak-operator and External Secrets resources, as far as these manifests use them.
 * Their typed models are not on Maven Central, so these records, written from the operators' CRD
 * references, are parsed strictly: a misspelt or misplaced field fails. The realm itself is parsed into
 * Keycloak's own {@link RealmRepresentation}.
 */
final class OperatorResources {

    private OperatorResources() {
    }

    record Metadata(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
    }

    record SecretRef(String name, String key) {
    }

    // CloudNativePG, postgresql.cnpg.io/v1
    record Cluster(String apiVersion, String kind, Metadata metadata, ClusterSpec spec) {
    }

    record ClusterSpec(int instances, String imageName, Storage storage, Bootstrap bootstrap, Managed managed) {
    }

    record Storage(String size) {
    }

    record Bootstrap(InitDb initdb) {
    }

    record InitDb(String database, String owner) {
    }

    record Managed(List<Role> roles) {
    }

    record Role(String name, String ensure, boolean login, SecretRef passwordSecret) {
    }

    record Database(String apiVersion, String kind, Metadata metadata, DatabaseSpec spec) {
    }

    record DatabaseSpec(SecretRef cluster, String name, String owner, String ensure) {
    }

    // Keycloak operator, k8s.keycloak.org/v2alpha1
    record Keycloak(String apiVersion, String kind, Metadata metadata, KeycloakSpec spec) {
    }

    record KeycloakSpec(int instances, KeycloakDb db, Http http, Hostname hostname, Proxy proxy) {
    }

    record KeycloakDb(String vendor, String host, String database, SecretRef usernameSecret, SecretRef passwordSecret) {
    }

    record Http(Boolean httpEnabled, String tlsSecret) {
    }

    record Hostname(String hostname, Boolean strict) {
    }

    record Proxy(String headers) {
    }

    record KeycloakRealmImport(String apiVersion, String kind, Metadata metadata, RealmImportSpec spec) {
    }

    record RealmImportSpec(String keycloakCRName, Map<String, Placeholder> placeholders, RealmRepresentation realm) {
    }

    record Placeholder(SecretRef secret) {
    }

    // External Secrets Operator, external-secrets.io/v1
    record ExternalSecret(String apiVersion, String kind, Metadata metadata, ExternalSecretSpec spec) {
    }

    record ExternalSecretSpec(String refreshInterval, StoreRef secretStoreRef, Target target, List<Data> data) {
    }

    record StoreRef(String kind, String name) {
    }

    record Target(String name, String creationPolicy, Template template) {
    }

    record Template(String type) {
    }

    record Data(String secretKey, RemoteRef remoteRef) {
    }

    record RemoteRef(String key, String property) {
    }

    /** The record type of a custom resource these manifests use, by apiVersion and kind. */
    static Class<? extends Record> typeOf(String apiVersion, String kind) {
        return switch (apiVersion + "/" + kind) {
            case "postgresql.cnpg.io/v1/Cluster" -> Cluster.class;
            case "postgresql.cnpg.io/v1/Database" -> Database.class;
            case "k8s.keycloak.org/v2alpha1/Keycloak" -> Keycloak.class;
            case "k8s.keycloak.org/v2alpha1/KeycloakRealmImport" -> KeycloakRealmImport.class;
            case "external-secrets.io/v1/ExternalSecret" -> ExternalSecret.class;
            default -> null;
        };
    }
}
