/**
 * The handler contract ({@link dev.atpj.server.verb.VerbHandler}, {@link
 * dev.atpj.server.verb.Reply}) and the registry; one handler class per verb in the sub-packages,
 * each given in its constructor exactly the services it uses. The list of handlers is {@code
 * dev.atpj.server.ServerVerbs}.
 */
package dev.atpj.server.verb;
