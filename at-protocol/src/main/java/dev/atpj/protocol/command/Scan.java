package dev.atpj.protocol.command;

import dev.atpj.protocol.AtSign;

/**
 * {@code scan[:showhidden:true|false][:@<atSign>][:page:<n>][ <regex>]}: list the keys this
 * connection may see (B10). {@code showHidden} is accepted in any case and rendered as {@code
 * showhidden}, the reference spelling.
 *
 * @param showHidden whether hidden keys are listed, or null when not given
 * @param forAtSign another atSign whose server should be scanned, or null
 * @param page the page number, or null
 * @param regex the filter applied as a search to key names, or null
 */
public record Scan(Boolean showHidden, AtSign forAtSign, Integer page, String regex)
    implements Command {
  /** Validates. */
  public Scan {
    if (page != null) {
      Checks.atLeast(page, 0, "page");
    }
    if (regex != null) {
      Checks.nonEmpty(regex, "the regex");
    }
  }

  /** A bare {@code scan}. */
  public Scan() {
    this(null, null, null, null);
  }

  /** Whether hidden keys are asked for. */
  public boolean showsHidden() {
    return Boolean.TRUE.equals(showHidden);
  }

  @Override
  public Verb verb() {
    return Verb.SCAN;
  }

  @Override
  public String render() {
    StringBuilder out = new StringBuilder("scan");
    if (showHidden != null) {
      out.append(":showhidden:").append(showHidden);
    }
    if (forAtSign != null) {
      out.append(':').append(forAtSign);
    }
    if (page != null) {
      out.append(":page:").append(page);
    }
    if (regex != null) {
      out.append(' ').append(regex);
    }
    return out.toString();
  }
}
