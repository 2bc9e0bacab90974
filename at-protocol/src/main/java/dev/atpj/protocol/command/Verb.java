package dev.atpj.protocol.command;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The verbs an atServer understands (docs/protocol.md A12), with whether each needs an
 * authenticated connection (B2) and a one-line usage for syntax errors.
 */
public enum Verb {
  /** Claim an atSign; answers a challenge. */
  FROM("from", false, "from:<atSign>[:clientConfig:<json object>]"),
  /** Answer the challenge with a shared-secret digest. */
  CRAM("cram", false, "cram:<digest>"),
  /** Answer the challenge with a signature. */
  PKAM(
      "pkam",
      false,
      "pkam:[signingAlgo:<rsa2048|ecc_secp256r1>:][hashingAlgo:<sha256|sha512>:]"
          + "[enrollmentId:<id>:]<signature>"),
  /** Finish server-to-server authentication. */
  POL("pol", false, "pol"),
  /** Store a value. */
  UPDATE(
      "update",
      true,
      "update[:<metadata option>:<value>...][:public|:@<atSign>]:<key>[@<atSign>] <value>"
          + " or update:json:<json object>"),
  /** Change metadata only. */
  UPDATE_META(
      "update:meta", true, "update:meta:[public:|@<atSign>:]<key>@<atSign>[:<option>:<value>...]"),
  /** Read any own key as stored. */
  LLOOKUP("llookup", true, "llookup[:meta|:all][:cached][:public|:@<atSign>]:<key>@<atSign>"),
  /** Read a key as the connection may see it. */
  LOOKUP("lookup", false, "lookup[:bypassCache:true|false][:meta|:all]:<key>@<atSign>"),
  /** Read another atSign's public key through this server. */
  PLOOKUP("plookup", true, "plookup[:bypassCache:true|false][:meta|:all]:<key>@<atSign>"),
  /** Delete a key. */
  DELETE(
      "delete",
      true,
      "delete[:priority:low|medium|high][:cached][:public|:@<atSign>]:<key>[@<atSign>]"),
  /** List keys. */
  SCAN("scan", false, "scan[:showhidden:true|false][:@<atSign>][:page:<n>][ <regex>]"),
  /** Send a notification. */
  NOTIFY(
      "notify",
      false,
      "notify[:id:<id>][:update|:delete][:messageType:key|text][:priority:low|medium|high]"
          + "[:strategy:all|latest][:latestN:<n>][:notifier:<name>][:ttln:<ms>]"
          + "[:<metadata option>:<value>...]:public|@<atSign>:<key>[@<atSign>][:<value>]"),
  /** Send a notification to several atSigns. */
  NOTIFY_ALL(
      "notify:all",
      false,
      "notify:all:[update|delete:][messageType:key|text:][<option>:<value>:...]"
          + "<atSign>[,<atSign>...]:<key>[@<atSign>][:<value>]"),
  /** List received notifications. */
  NOTIFY_LIST("notify:list", false, "notify:list[:<yyyy-mm-dd>[:<yyyy-mm-dd>]][:<regex>]"),
  /** Status of a sent notification. */
  NOTIFY_STATUS("notify:status", false, "notify:status:<id>"),
  /** A stored notification. */
  NOTIFY_FETCH("notify:fetch", true, "notify:fetch:<id>"),
  /** Remove a stored notification. */
  NOTIFY_REMOVE("notify:remove", true, "notify:remove:<id>"),
  /** Stream notifications on this connection. */
  MONITOR(
      "monitor",
      true,
      "monitor[:strict][:selfNotifications][:multiplexed][:<epochMillis>][ <regex>]"),
  /** Fetch changes since a commit id. */
  SYNC("sync", true, "sync:from:<commitId|-1>:limit:<n>[:<regex>] or sync:<commitId>[:<regex>]"),
  /** Server statistics. */
  STATS("stats", true, "stats[:<id>[,<id>...]][:<regex> for id 3 or 15]"),
  /** Server version and uptime. */
  INFO("info", false, "info[:brief]"),
  /** Wait, then answer ok. */
  NOOP("noop", false, "noop:<milliseconds>"),
  /** Block list and test settings. */
  CONFIG(
      "config",
      true,
      "config:block:add|remove:<atSign>[ <atSign>...] or config:block:show"
          + " or config:set:<name>=<value> or config:reset|print:<name>"),
  /** APKAM enrollment: request, approve, deny, revoke, unrevoke, delete, list, fetch. */
  ENROLL(
      "enroll",
      false,
      "enroll:request|approve|deny|revoke|unrevoke|delete|fetch[:]<json object>"
          + " or enroll:list[[:]<json object>]"),
  /** A one-time password for enrolling a new device. */
  OTP("otp", true, "otp:get[:ttl:<ms>] or otp:put:<passcode>[:ttl:<ms>]"),
  /** An enrolled device's security keys. */
  KEYS(
      "keys",
      true,
      "keys:get|put|delete[:public|private|self][:namespace:<ns>][:appName:<a>]"
          + "[:deviceName:<d>][:keyType:<t>][:encryptionKeyName:<e>][:keyName:<name>][ <value>]"),
  /** Close the connection. */
  EXIT("@exit", false, "@exit");

  private static final Map<String, Verb> BY_WIRE_NAME =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(Verb::wireName, Function.identity()));

  private final String wireName;
  private final boolean requiresAuth;
  private final String usage;

  Verb(String wireName, boolean requiresAuth, String usage) {
    this.wireName = wireName;
    this.requiresAuth = requiresAuth;
    this.usage = usage;
  }

  /** The verb as written on the wire, e.g. {@code notify:list} or {@code @exit}. */
  public String wireName() {
    return wireName;
  }

  /** Whether the connection must be authenticated (cram/pkam) to use this verb (B2). */
  public boolean requiresAuth() {
    return requiresAuth;
  }

  /** A one-line description of the verb's syntax. */
  public String usage() {
    return usage;
  }

  /**
   * Looks a verb up by its exact wire name.
   *
   * @param wireName e.g. {@code llookup}
   * @return the verb, or empty when unknown
   */
  public static Optional<Verb> fromWireName(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }
}
