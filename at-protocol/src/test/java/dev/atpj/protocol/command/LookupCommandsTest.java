package dev.atpj.protocol.command;

import static dev.atpj.protocol.command.Parsing.assertCanonical;
import static dev.atpj.protocol.command.Parsing.assertInvalid;
import static dev.atpj.protocol.command.Parsing.assertParses;
import static dev.atpj.protocol.command.Parsing.assertSyntax;
import static dev.atpj.protocol.command.Parsing.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.AtErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LookupCommandsTest {

  @Test
  void llookup() {
    assertCanonical("llookup:phone@alice", new LLookup(LookupShape.VALUE, key("phone@alice")));
    assertCanonical("llookup:meta:phone@alice", new LLookup(LookupShape.META, key("phone@alice")));
    assertCanonical(
        "llookup:all:public:test@alice", new LLookup(LookupShape.ALL, key("public:test@alice")));
    assertCanonical(
        "llookup:cached:public:email@bob",
        new LLookup(LookupShape.VALUE, key("cached:public:email@bob")));
    assertCanonical(
        "llookup:all:cached:@alice:phone@bob",
        new LLookup(LookupShape.ALL, key("cached:@alice:phone@bob")));
    assertCanonical("llookup:@bob:k@alice", new LLookup(LookupShape.VALUE, key("@bob:k@alice")));
    assertCanonical(
        "llookup:privatekey:at_secret",
        new LLookup(LookupShape.VALUE, key("privatekey:at_secret")));
    assertCanonical("llookup:meta@alice", new LLookup(LookupShape.VALUE, key("meta@alice")));
    assertParses(
        "LLOOKUP:ALL:Shared_Key.Bob@Alice",
        new LLookup(LookupShape.ALL, key("shared_key.bob@alice")),
        "llookup:all:shared_key.bob@alice");
    assertCanonical(
        "llookup:@alice:phone@alice", new LLookup(LookupShape.VALUE, key("@alice:phone@alice")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "llookup",
        "llookup:",
        "llookup:phone",
        "llookup:meta",
        "llookup:all:",
        "llookup:x y@a"
      })
  void badLlookup(String line) {
    Invalid invalid = assertSyntax(line, Verb.LLOOKUP);
    assertThat(invalid.verb().requiresAuth()).isTrue();
  }

  @Test
  void misspeltVerbIsUnknown() {
    Invalid invalid = assertSyntax("lokup:x@alice", null);
    assertThat(invalid.reason()).isEqualTo("invalid command");
  }

  @Test
  void lookup() {
    assertCanonical(
        "lookup:location.wavi@realisticforeign",
        new Lookup(null, LookupShape.VALUE, key("location.wavi@realisticforeign")));
    assertCanonical(
        "lookup:public:publickey@realisticforeign",
        new Lookup(null, LookupShape.VALUE, key("public:publickey@realisticforeign")));
    assertCanonical(
        "lookup:bypassCache:true:all:x@bob", new Lookup(true, LookupShape.ALL, key("x@bob")));
    assertCanonical(
        "lookup:bypassCache:false:x@bob", new Lookup(false, LookupShape.VALUE, key("x@bob")));
    assertCanonical("lookup:meta:x@bob", new Lookup(null, LookupShape.META, key("x@bob")));
    assertCanonical(
        "lookup:shared_key@alice", new Lookup(null, LookupShape.VALUE, key("shared_key@alice")));
    assertParses(
        "lookup:BYPASSCACHE:TRUE:x@bob",
        new Lookup(true, LookupShape.VALUE, key("x@bob")),
        "lookup:bypassCache:true:x@bob");
    assertThat(new Lookup(true, null, key("x@bob")).bypassesCache()).isTrue();
    assertThat(new Lookup(null, null, key("x@bob")).bypassesCache()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"lookup", "lookup:", "lookup:x", "lookup:bypassCache:maybe:x@bob"})
  void badLookup(String line) {
    Invalid invalid = assertSyntax(line, Verb.LOOKUP);
    assertThat(invalid.verb().requiresAuth()).isFalse();
  }

  @Test
  void plookup() {
    assertCanonical("plookup:all:test@bob", new PLookup(null, LookupShape.ALL, key("test@bob")));
    assertCanonical(
        "plookup:bypassCache:true:all:test@bob",
        new PLookup(true, LookupShape.ALL, key("test@bob")));
    assertCanonical(
        "plookup:email@tigerequivalent",
        new PLookup(null, LookupShape.VALUE, key("email@tigerequivalent")));
    assertCanonical(
        "plookup:publickey@bob", new PLookup(null, LookupShape.VALUE, key("publickey@bob")));
    assertSyntax("plookup:publickey", Verb.PLOOKUP);
    assertInvalid("plookup:pub,lickey@bob", Verb.PLOOKUP, AtErrorCode.INVALID_KEY);
  }

  @Test
  void delete() {
    assertCanonical(
        "delete:public:test@realisticforeign",
        new Delete(null, key("public:test@realisticforeign")));
    assertCanonical("delete:privatekey:at_secret", new Delete(null, key("privatekey:at_secret")));
    assertCanonical("delete:@bob:k@alice", new Delete(null, key("@bob:k@alice")));
    assertCanonical("delete:k@alice", new Delete(null, key("k@alice")));
    assertCanonical("delete:k", new Delete(null, key("k")));
    assertCanonical("delete:priority:high:k@alice", new Delete("high", key("k@alice")));
    assertCanonical("delete:cached:public:x@bob", new Delete(null, key("cached:public:x@bob")));
    assertParses(
        "delete:PRIORITY:Low:k@alice",
        new Delete("low", key("k@alice")),
        "delete:priority:low:k@alice");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "delete",
        "delete:",
        "delete:priority:urgent:k@alice",
        "delete:public:@bob:k@alice",
        "delete:k@alice extra"
      })
  void badDelete(String line) {
    assertSyntax(line, Verb.DELETE);
  }
}
