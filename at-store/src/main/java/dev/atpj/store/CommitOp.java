package dev.atpj.store;

import java.util.Optional;

/** The operation a commit-log entry records, with its sync symbol (docs/protocol.md B12). */
public enum CommitOp {
  /** The value changed: {@code +}. */
  UPDATE('+'),
  /** Only the metadata changed: {@code #}. */
  UPDATE_META('#'),
  /** Value and metadata changed: {@code *}. */
  UPDATE_ALL('*'),
  /** The key was deleted: {@code -}. */
  DELETE('-');

  private final char symbol;

  CommitOp(char symbol) {
    this.symbol = symbol;
  }

  /** The sync symbol, one of {@code + # * -}. */
  public char symbol() {
    return symbol;
  }

  /**
   * Looks an operation up by its symbol.
   *
   * @param symbol one of {@code + # * -}
   * @return the operation, or empty for an unknown symbol
   */
  public static Optional<CommitOp> fromSymbol(char symbol) {
    for (CommitOp op : values()) {
      if (op.symbol == symbol) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }
}
