/**
 * Calls that reach another system over the network (an HTTP API, a FHIR server, a database) as the rules about
 * remote calls read them: what a call reaches ({@link RemoteCalls}), how a request or a query is made ({@link
 * HttpRequests}, {@link QueryLimits}), what the code does with what it returns ({@link ResultUses}), and which calls a
 * loop or a per-element lambda makes once per element ({@link CallsInLoops}).
 */
package org.ecobugs.rules.checks.remote;
