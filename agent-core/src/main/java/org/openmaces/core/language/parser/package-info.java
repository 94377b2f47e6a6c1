/** Lexer, recursive-descent parser, syntax trees and their printer. Internal to the language. */
package org.openmaces.core.language.parser;
