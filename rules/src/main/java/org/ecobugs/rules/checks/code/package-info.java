/**
 * Readings of a file's code that rules of different families share and no one domain owns: whether a class is
 * user-interface code, the method of the file a call invokes, the calls made on a builder, and where a value the code
 * uses was decided (another class's constant, the configuration).
 */
package org.ecobugs.rules.checks.code;
