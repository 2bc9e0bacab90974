package dev.atpj.server.enroll;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.Keys;
import dev.atpj.server.session.AuthState;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import dev.atpj.store.AtStore;
import dev.atpj.store.StoredValue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code keys:get|put|delete} (docs/protocol.md B15): the security keys of the connection's own
 * APKAM enrollment, which must be approved (otherwise AT0009).
 *
 * <ul>
 *   <li>{@code keys:get:keyName:<id>.default_enc_private_key.__manage@<me>} (or {@code
 *       default_self_enc_key}) answers the stored {@code {"value":…,"iv":…}} of that enrollment's
 *       encrypted default key; another enrollment's is AT0009, a missing one AT0015.
 *   <li>{@code keys:put:<visibility>:namespace:<ns>[:appName:…:deviceName:…][:keyType:…]
 *       [:encryptionKeyName:…]:keyName:<name> <value>} stores {@code
 *       {"value":…,"keyType":…,"enrollmentId":…[,"encryptionKeyName":…]}} under the reference's
 *       names ({@link KeyNames}), not committed; answers {@code data:-1}.
 *   <li>{@code keys:get:keyName:<name>} of such a key answers its JSON when it belongs to the
 *       connection's enrollment; {@code keys:get:<visibility>} lists the names of this enrollment's
 *       {@code __global} keys of that visibility, as the reference writes a list ({@code [a, b]}).
 *   <li>{@code keys:delete:keyName:<name>} removes such a key of this enrollment; {@code data:-1}.
 * </ul>
 */
public final class KeysHandler implements VerbHandler<Keys> {
  private final EnrollmentStore enrollments;
  private final KeyNames names;
  private final AtStore store;

  /**
   * A handler.
   *
   * @param enrollments where enrollments and their default keys are kept
   * @param store the atSign's storage, where {@code keys:put} writes
   * @param me the atSign
   */
  public KeysHandler(EnrollmentStore enrollments, AtStore store, AtSign me) {
    this.enrollments = enrollments;
    this.store = store;
    this.names = new KeyNames(me);
  }

  @Override
  public Class<Keys> commandType() {
    return Keys.class;
  }

  @Override
  public CompletionStage<Reply> handle(Keys command, SessionContext session) {
    String id = approvedEnrollment(session);
    switch (command.operation()) {
      case PUT:
        return put(command, id);
      case DELETE:
        owned(require(command.keyName()), id);
        return store.delete(command.keyName(), false).thenApply(done -> Reply.data(-1));
      default:
        if (command.keyName() != null) {
          return done(get(command.keyName(), id));
        }
        if (command.visibility() == null) {
          throw new AtException(
              AtErrorCode.INVALID_SYNTAX, "keys:get needs a visibility or a keyName");
        }
        return done(names.list(store, command.visibility(), id));
    }
  }

  private String get(String keyName, String id) {
    if (keyName.equals(enrollments.privateKeyName(id))
        || keyName.equals(enrollments.selfKeyName(id))) {
      return enrollments.defaultKey(keyName).orElseThrow(() -> notFound(keyName));
    }
    if (keyName.contains(".__manage@")) {
      throw new AtException(
          AtErrorCode.UNAUTHORIZED, "key " + keyName + " belongs to another enrollment");
    }
    return owned(keyName, id);
  }

  private CompletionStage<Reply> put(Keys command, String id) {
    if (command.visibility() == null || command.namespace() == null || command.value() == null) {
      throw new AtException(
          AtErrorCode.INVALID_SYNTAX,
          "keys:put needs a visibility, a namespace, a keyName and a value");
    }
    if (!"public".equals(command.visibility())
        && (command.appName() == null || command.deviceName() == null)) {
      throw new AtException(
          AtErrorCode.INVALID_SYNTAX, "private and self keys need an appName and a deviceName");
    }
    var json = EnrollmentJson.object();
    json.put("value", command.value());
    json.put("keyType", command.keyType());
    json.put("enrollmentId", id);
    if (!"public".equals(command.visibility())) {
      json.put("encryptionKeyName", command.encryptionKeyName());
    }
    String key = names.of(command);
    return store.put(key, StoredValue.of(json.toString()), null).thenApply(done -> Reply.data(-1));
  }

  /** The stored JSON of a key this enrollment put; AT0015 when missing, AT0009 when not its own. */
  private String owned(String keyName, String id) {
    String json = store.get(keyName).map(StoredValue::value).orElseThrow(() -> notFound(keyName));
    if (!id.equals(KeyNames.enrollmentOf(json))) {
      throw new AtException(
          AtErrorCode.UNAUTHORIZED,
          "Enrollment Id for key " + keyName + " does not match the current APKAM enrollmentId");
    }
    return json;
  }

  private String approvedEnrollment(SessionContext session) {
    String id = session.auth() instanceof AuthState.Owner owner ? owner.enrollmentId() : null;
    if (id == null) {
      throw new AtException(
          AtErrorCode.UNAUTHORIZED, "keys needs a connection authenticated by an APKAM enrollment");
    }
    Enrollment enrollment = enrollments.find(id).orElse(null);
    if (enrollment == null || enrollment.status() != EnrollmentStatus.APPROVED) {
      throw new AtException(
          AtErrorCode.UNAUTHORIZED,
          "Enrollment Id "
              + id
              + " is not approved. current state :"
              + (enrollment == null ? "expired" : enrollment.status().wireName()));
    }
    return id;
  }

  private static String require(String keyName) {
    if (keyName == null) {
      throw new AtException(AtErrorCode.INVALID_SYNTAX, "keys:delete needs a keyName");
    }
    return keyName;
  }

  private static AtException notFound(String keyName) {
    return new AtException(AtErrorCode.KEY_NOT_FOUND, keyName + " does not exist in keystore");
  }

  private static CompletionStage<Reply> done(String payload) {
    return CompletableFuture.completedFuture(Reply.data(payload));
  }
}
