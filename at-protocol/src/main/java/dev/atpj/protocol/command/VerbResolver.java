package dev.atpj.protocol.command;

import java.util.Locale;

/**
 * Decides the verb from the verb word and what follows it, including the two-part verbs {@code
 * update:meta} and {@code notify:list|status|fetch|remove|all}.
 */
final class VerbResolver {
  static final String JSON = ":json:";

  private VerbResolver() {}

  /** The verb, or null when unknown. */
  static Verb resolve(String word, String args) {
    switch (word) {
      case "update":
        return startsWith(args, ":meta:") ? Verb.UPDATE_META : Verb.UPDATE;
      case "notify":
        return notifyVerb(args);
      default:
        return Verb.fromWireName(word).orElse(null);
    }
  }

  static boolean isJsonUpdate(String args) {
    return startsWith(args, JSON);
  }

  /**
   * The arguments after a two-part verb's sub-verb, e.g. {@code :abc} for {@code notify:status:abc}
   * or {@code :x@alice:ttl:1} for {@code update:meta:x@alice:ttl:1}.
   */
  static String subVerbArgs(Verb verb, String args) {
    int sub = verb.wireName().indexOf(':');
    return args.substring(verb.wireName().length() - sub);
  }

  private static Verb notifyVerb(String args) {
    String sub = subVerb(args);
    switch (sub) {
      case "list":
        return Verb.NOTIFY_LIST;
      case "status":
        return Verb.NOTIFY_STATUS;
      case "fetch":
        return Verb.NOTIFY_FETCH;
      case "remove":
        return Verb.NOTIFY_REMOVE;
      case "all":
        return Verb.NOTIFY_ALL;
      default:
        return Verb.NOTIFY;
    }
  }

  /** The lower-cased word after the first colon, up to the next colon, space or end. */
  private static String subVerb(String args) {
    if (!args.startsWith(":")) {
      return "";
    }
    int end = 1;
    while (end < args.length() && args.charAt(end) != ':' && args.charAt(end) != ' ') {
      end++;
    }
    return args.substring(1, end).toLowerCase(Locale.ROOT);
  }

  private static boolean startsWith(String text, String prefix) {
    return text.regionMatches(true, 0, prefix, 0, prefix.length());
  }
}
