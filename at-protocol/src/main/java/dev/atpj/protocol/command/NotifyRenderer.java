package dev.atpj.protocol.command;

/** Renders {@link Notify} in the reference option order (B11). */
final class NotifyRenderer {
  private NotifyRenderer() {}

  static String render(Notify n) {
    StringBuilder out = new StringBuilder("notify");
    if (n.id() != null) {
      out.append(":id:").append(n.id());
    }
    if (n.operation() != null) {
      out.append(':').append(n.operation().wireName());
    }
    if (n.messageType() != null) {
      out.append(":messageType:").append(n.messageType().wireName());
    }
    if (n.priority() != null) {
      out.append(":priority:").append(n.priority().wireName());
    }
    if (n.strategy() != null) {
      out.append(":strategy:").append(n.strategy().wireName());
    }
    if (n.latestN() != null) {
      out.append(":latestN:").append(n.latestN());
    }
    if (n.notifier() != null) {
      out.append(":notifier:").append(n.notifier());
    }
    if (n.ttln() != null) {
      out.append(":ttln:").append(n.ttln());
    }
    out.append(n.options().render()).append(':');
    out.append(n.recipient() == null ? "public" : n.recipient().toString()).append(':');
    if (n.isText()) {
      return out.append(n.text()).toString();
    }
    out.append(n.key().entity());
    if (n.key().owner() != null) {
      out.append(n.key().owner());
    }
    if (n.value() != null) {
      out.append(':').append(n.value());
    }
    return out.toString();
  }
}
