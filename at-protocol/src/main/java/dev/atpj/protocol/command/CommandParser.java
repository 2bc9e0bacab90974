package dev.atpj.protocol.command;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import java.util.Locale;

/**
 * Turns one command line into a typed {@link Command}. It never throws: anything it cannot accept
 * becomes an {@link Invalid} value carrying the verb (when known), the error code and the reason.
 *
 * <p>Rules (docs/protocol.md B1, B2): the line (without its line ending) is stripped of surrounding
 * whitespace; the verb is the text before the first {@code :} or space and is matched ignoring
 * case, so {@code SCAN}, {@code Info} and {@code NOOP:0} work. Option keywords are matched ignoring
 * case too; keys are lower-cased, values, regexes and texts are kept as sent. Unlike the reference,
 * text after the verb is never lower-cased (the reference lower-cases a whole line without a colon,
 * which changes the regex of {@code scan \S+}).
 *
 * <p>Instances hold no state and may be shared between threads.
 */
public final class CommandParser {
  /** A parser. */
  public CommandParser() {}

  /**
   * Parses a line.
   *
   * @param line one command without its line ending; may be null or anything at all
   * @return the command, or an {@link Invalid} describing why the line is not one
   */
  public Command parse(String line) {
    if (line == null) {
      return Invalid.unknownVerb();
    }
    Verb verb = null;
    try {
      String text = line.strip();
      int end = verbEnd(text);
      String word = text.substring(0, end).toLowerCase(Locale.ROOT);
      String args = text.substring(end);
      verb = VerbResolver.resolve(word, args);
      if (verb == null) {
        return Invalid.unknownVerb();
      }
      return parse(verb, args);
    } catch (AtException e) {
      return new Invalid(verb, e.code(), e.detail());
    } catch (RuntimeException | StackOverflowError e) {
      String reason = verb == null ? Invalid.UNKNOWN_VERB_REASON : Checks.syntax(verb).detail();
      return new Invalid(verb, AtErrorCode.INVALID_SYNTAX, reason);
    }
  }

  private static Command parse(Verb verb, String args) {
    switch (verb) {
      case FROM:
        return AuthCommandParser.from(args);
      case CRAM:
        return AuthCommandParser.cram(args);
      case PKAM:
        return AuthCommandParser.pkam(args);
      case POL:
        return AuthCommandParser.pol(args);
      case UPDATE:
        return VerbResolver.isJsonUpdate(args)
            ? UpdateCommandParser.updateJson(args.substring(VerbResolver.JSON.length()))
            : UpdateCommandParser.update(args);
      case UPDATE_META:
        return UpdateCommandParser.updateMeta(VerbResolver.subVerbArgs(verb, args));
      case LLOOKUP:
        return LookupCommandParser.llookup(args);
      case LOOKUP:
        return LookupCommandParser.lookup(args);
      case PLOOKUP:
        return LookupCommandParser.plookup(args);
      case DELETE:
        return LookupCommandParser.delete(args);
      case SCAN:
        return ScanMonitorParser.scan(args);
      case MONITOR:
        return ScanMonitorParser.monitor(args);
      case NOTIFY:
        return NotifyCommandParser.notify(args);
      case NOTIFY_ALL:
        return NotifyFamilyParser.notifyAll(VerbResolver.subVerbArgs(verb, args));
      case NOTIFY_LIST:
        return NotifyFamilyParser.notifyList(VerbResolver.subVerbArgs(verb, args));
      case NOTIFY_STATUS:
      case NOTIFY_FETCH:
      case NOTIFY_REMOVE:
        return NotifyFamilyParser.byId(verb, VerbResolver.subVerbArgs(verb, args));
      case SYNC:
        return SyncStatsParser.sync(args);
      case STATS:
        return SyncStatsParser.stats(args);
      case INFO:
        return ServerCommandParser.info(args);
      case NOOP:
        return ServerCommandParser.noop(args);
      case CONFIG:
        return ServerCommandParser.config(args);
      case EXIT:
        return ServerCommandParser.exit(args);
      case ENROLL:
        return ApkamCommandParser.enroll(args);
      case OTP:
        return ApkamCommandParser.otp(args);
      case KEYS:
        return ApkamCommandParser.keys(args);
      default:
        throw Checks.syntax(verb);
    }
  }

  /** The end of the verb word: the first {@code :} or whitespace, or the end of the text. */
  private static int verbEnd(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ':' || Character.isWhitespace(c)) {
        return i;
      }
    }
    return text.length();
  }
}
