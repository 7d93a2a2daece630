/**
 * Quick fixes that rewrite more than the node a finding is on: a regular expression compiled once into a constant of
 * the class, with the field and the import it needs, or a {@code String.replace} that compiles none.
 */
package org.ecobugs.rules.checks.fixes;
