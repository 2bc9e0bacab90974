package dev.atpj.protocol.command;

/**
 * Decides the verb from the verb word and what follows it, including the two-part verbs {@code
 * update:meta} and {@code notify:list|status|fetch|remove|all}.
 */
final class VerbResolver {
  static final String META = ":meta:";
  static final String JSON = ":json:";

  private VerbResolver() {}

  /** The verb, or null when unknown. */
  static Verb resolve(String word, String args) {
    switch (word) {
      case "update":
        return startsWith(args, META) ? Verb.UPDATE_META : Verb.UPDATE;
      case "notify":
        return notifyVerb(args);
      default:
        return Verb.fromWireName(word).orElse(null);
    }
  }

  static boolean isJsonUpdate(String args) {
    return startsWith(args, JSON);
  }

  /** The length of {@code :<sub>} plus the colon after it, for the two-part notify verbs. */
  static int subVerbLength(Verb verb) {
    int base = verb.wireName().length() - "notify".length();
    return verb == Verb.NOTIFY_LIST ? base : base + 1;
  }

  private static Verb notifyVerb(String args) {
    if (startsWith(args, ":list")
        && (args.length() == 5 || args.charAt(5) == ':' || args.charAt(5) == ' ')) {
      return Verb.NOTIFY_LIST;
    }
    if (startsWith(args, ":status:")) {
      return Verb.NOTIFY_STATUS;
    }
    if (startsWith(args, ":fetch:")) {
      return Verb.NOTIFY_FETCH;
    }
    if (startsWith(args, ":remove:")) {
      return Verb.NOTIFY_REMOVE;
    }
    if (startsWith(args, ":all:")) {
      return Verb.NOTIFY_ALL;
    }
    return Verb.NOTIFY;
  }

  private static boolean startsWith(String text, String prefix) {
    return text.regionMatches(true, 0, prefix, 0, prefix.length());
  }
}
