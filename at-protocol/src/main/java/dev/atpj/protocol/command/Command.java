package dev.atpj.protocol.command;

/**
 * One command line, typed: a record per verb (docs/protocol.md Part A §12, B5–B13). {@link
 * CommandParser} makes them from text and never throws; a line it cannot accept becomes an {@link
 * Invalid} value. Clients build them directly and send {@link #render()}.
 *
 * <p>{@link #render()} gives the canonical wire text without a line ending; for a canonical line
 * {@code parser.parse(line).render()} equals {@code line}. Optional parts that were absent stay
 * absent, so the server applies defaults, not the parser.
 */
public sealed interface Command
    permits From,
        Cram,
        Pkam,
        Pol,
        Update,
        UpdateJson,
        UpdateMeta,
        LLookup,
        Lookup,
        PLookup,
        Delete,
        Scan,
        Notify,
        NotifyAll,
        NotifyList,
        NotifyStatus,
        NotifyFetch,
        NotifyRemove,
        Monitor,
        SyncFrom,
        Sync,
        Stats,
        Info,
        Noop,
        ConfigBlock,
        ConfigSetting,
        Exit,
        Enroll,
        Otp,
        Keys,
        Invalid {

  /** The verb; null only for an {@link Invalid} line whose verb is unknown. */
  Verb verb();

  /** The canonical wire text, without a line ending. */
  String render();
}
