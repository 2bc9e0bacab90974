package dev.atpj.protocol.command;

/**
 * {@code enroll:<operation>[:]<json object>} or {@code enroll:list}: APKAM enrollment
 * (docs/protocol.md B15). The colon before the JSON is optional in the reference's grammar; the
 * current at_java omits it, the Dart SDK sends it. The JSON is kept as sent; the server reads its
 * fields.
 *
 * @param operation what to do
 * @param params the JSON object of parameters; only {@code list} may omit it (null)
 * @param colon whether a colon separated the operation and the JSON
 */
public record Enroll(EnrollOperation operation, String params, boolean colon) implements Command {
  /** Validates: the parameters, when present, are a one-line JSON object. */
  public Enroll {
    if (operation == null) {
      throw Checks.syntax(Verb.ENROLL);
    }
    if (params == null) {
      if (colon || operation != EnrollOperation.LIST) {
        throw Checks.syntax(Verb.ENROLL);
      }
    } else if (!params.startsWith("{") || !params.endsWith("}") || params.indexOf('\n') >= 0) {
      throw Checks.syntax("the enroll parameters must be a JSON object");
    }
  }

  /**
   * An {@code enroll} with its JSON after a colon, as the Dart SDK sends it.
   *
   * @param operation what to do
   * @param params the JSON object, or null
   */
  public Enroll(EnrollOperation operation, String params) {
    this(operation, params, params != null);
  }

  @Override
  public Verb verb() {
    return Verb.ENROLL;
  }

  @Override
  public String render() {
    StringBuilder out = new StringBuilder("enroll:").append(operation.wireName());
    if (params != null) {
      out.append(colon ? ":" : "").append(params);
    }
    return out.toString();
  }
}
