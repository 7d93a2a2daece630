/**
 * What the class that declares a collection field does with it: where it reads it and the calls it makes on it,
 * whether the object leaves the class, and whether only its class initialisation fills it.
 */
package org.ecobugs.rules.checks.fields;
