package dev.atpj.protocol.key;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import java.util.Objects;

/**
 * A key: the name a value is stored under (docs/protocol.md B6). Every instance is valid and
 * canonical (lower-cased), and {@link #toString()} is both its wire form and its storage name.
 *
 * <p>Forms: {@code public:<entity>@<owner>}, shared {@code @<other>:<entity>@<owner>}, self {@code
 * <entity>@<owner>}, {@code privatekey:<name>} (never an owner), {@code
 * private:[@<other>:]<entity>@<owner>}, {@code local:<entity>@<owner>}, and the cached copies
 * {@code cached:public:<entity>@<other>} and {@code cached:@<me>:<entity>@<other>}. A key shared
 * with its own owner, {@code @<owner>:<entity>@<owner>}, is a shared key distinct from the self key
 * {@code <entity>@<owner>}, as in the reference (docs/protocol.md B6). A key whose entity starts
 * with {@code _} is hidden. The owner may be absent (as {@code update} and {@code delete} allow);
 * it then stays absent so the key renders back exactly, and {@link #withOwner} fills it in.
 *
 * @param cached whether this is a cached copy of another atSign's key ({@code cached:})
 * @param visibility who may see the key
 * @param sharedWith the atSign a shared (or private shared) key is for; null otherwise
 * @param entity the lower-case name part, e.g. {@code phone.wavi}; never contains {@code @} or
 *     {@code :}
 * @param owner the atSign that owns the key; null when not given
 */
public record AtKey(
    boolean cached, KeyVisibility visibility, AtSign sharedWith, String entity, AtSign owner) {
  /** The longest key name accepted, in UTF-16 characters. */
  public static final int MAX_LENGTH = 248;

  /** The longest {@code cached:} key name accepted, in UTF-16 characters. */
  public static final int MAX_CACHED_LENGTH = 255;

  /**
   * Validates and canonicalises.
   *
   * @throws AtException {@link AtErrorCode#INVALID_KEY} when the parts do not form a valid key
   */
  public AtKey {
    if (visibility == null) {
      throw invalid("a key needs a visibility");
    }
    entity = KeyEntity.canonical(entity);
    if (visibility == KeyVisibility.SHARED && sharedWith == null) {
      throw invalid("a shared key needs the atSign it is shared with");
    }
    if (sharedWith != null
        && visibility != KeyVisibility.SHARED
        && visibility != KeyVisibility.PRIVATE) {
      throw invalid("only shared and private keys name an atSign they are shared with");
    }
    if (visibility == KeyVisibility.PRIVATEKEY && owner != null) {
      throw invalid("a privatekey: key has no owner");
    }
    if (cached && visibility != KeyVisibility.PUBLIC && visibility != KeyVisibility.SHARED) {
      throw invalid("only public and shared keys can be cached");
    }
    if (cached && owner == null) {
      throw invalid("a cached key needs its owner");
    }
    int length = render(cached, visibility, sharedWith, entity, owner).length();
    int max = cached ? MAX_CACHED_LENGTH : MAX_LENGTH;
    if (length > max) {
      throw invalid("the key is " + length + " characters long, at most " + max + " are allowed");
    }
  }

  /**
   * Parses a key name.
   *
   * @param text e.g. {@code public:phone@alice}, {@code @bob:phone@alice}, {@code
   *     privatekey:at_secret}; any Latin case
   * @return the canonical key
   * @throws AtException {@link AtErrorCode#INVALID_KEY} with the reason when the text is not a key
   */
  public static AtKey parse(String text) {
    return AtKeyParser.parse(text, AtErrorCode.INVALID_KEY);
  }

  /**
   * Parses a key name found inside a command, where a malformed layout is a syntax error.
   *
   * @param text the key name
   * @param malformedCode the code for a malformed layout (a misplaced {@code :} or {@code @}, an
   *     empty part); invalid characters and over-long keys always give {@link
   *     AtErrorCode#INVALID_KEY}
   * @return the canonical key
   * @throws AtException when the text is not a key
   */
  public static AtKey parse(String text, AtErrorCode malformedCode) {
    return AtKeyParser.parse(text, Objects.requireNonNull(malformedCode, "malformedCode"));
  }

  /** A public key {@code public:<entity>@<owner>}; owner may be null. */
  public static AtKey ofPublic(String entity, AtSign owner) {
    return new AtKey(false, KeyVisibility.PUBLIC, null, entity, owner);
  }

  /** A shared key {@code @<sharedWith>:<entity>@<owner>}; owner may be null. */
  public static AtKey ofShared(AtSign sharedWith, String entity, AtSign owner) {
    return new AtKey(false, KeyVisibility.SHARED, sharedWith, entity, owner);
  }

  /** A self key {@code <entity>@<owner>}; owner may be null. */
  public static AtKey ofSelf(String entity, AtSign owner) {
    return new AtKey(false, KeyVisibility.SELF, null, entity, owner);
  }

  /** A reserved key {@code privatekey:<name>}. */
  public static AtKey ofPrivateKey(String name) {
    return new AtKey(false, KeyVisibility.PRIVATEKEY, null, name, null);
  }

  /** Whether the entity starts with {@code _}, which hides the key from {@code scan}. */
  public boolean isHidden() {
    return entity.startsWith("_");
  }

  /** The text after the last {@code .} of the entity, or null when there is none. */
  public String namespace() {
    int dot = entity.lastIndexOf('.');
    return dot < 0 || dot == entity.length() - 1 ? null : entity.substring(dot + 1);
  }

  /**
   * Whether writing this key goes to the commit log (docs/protocol.md B6): not for {@code
   * private:}, {@code privatekey:}, {@code local:} and {@code public:_x} (but {@code public:__x}
   * is); cached keys are committed, as the reference does.
   */
  public boolean isCommitted() {
    if (cached) {
      return true;
    }
    switch (visibility) {
      case PRIVATE:
      case PRIVATEKEY:
      case LOCAL:
        return false;
      case PUBLIC:
        return !entity.startsWith("_") || entity.startsWith("__");
      default:
        return true;
    }
  }

  /** This key with the given owner. */
  public AtKey withOwner(AtSign newOwner) {
    return new AtKey(cached, visibility, sharedWith, entity, newOwner);
  }

  /** This key marked {@code cached:}, as a recipient stores another atSign's key. */
  public AtKey asCached() {
    return new AtKey(true, visibility, sharedWith, entity, owner);
  }

  /** This key without the {@code cached:} marker: the original owner's name for it. */
  public AtKey withoutCached() {
    return new AtKey(false, visibility, sharedWith, entity, owner);
  }

  /** The canonical name, e.g. {@code @bob:phone.wavi@alice}: the wire form and storage key. */
  @Override
  public String toString() {
    return render(cached, visibility, sharedWith, entity, owner);
  }

  private static String render(
      boolean cached, KeyVisibility visibility, AtSign sharedWith, String entity, AtSign owner) {
    StringBuilder out = new StringBuilder(entity.length() + 32);
    if (cached) {
      out.append("cached:");
    }
    out.append(visibility.prefix());
    if (sharedWith != null) {
      out.append(sharedWith).append(':');
    }
    out.append(entity);
    if (owner != null) {
      out.append(owner);
    }
    return out.toString();
  }

  private static AtException invalid(String reason) {
    return new AtException(AtErrorCode.INVALID_KEY, reason);
  }
}
