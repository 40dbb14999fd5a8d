#ifndef BUDGET_ETL_CLIBXML2_SHIM_H
#define BUDGET_ETL_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU, and encoding.h then pulls in <unicode/ucnv.h>, whose types
// clash with Foundation's own ICU copy in a clean build ("'UErrorCode' has different
// definitions"). Read the version header first and switch ICU off before anything else.
// Consequence: never touch the fields of xmlCharEncodingHandler (its layout depends on it).
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlIO.h>
#include <libxml/c14n.h>

// xmlFree is a mutable C global, which Swift 6 refuses to read from concurrent code.
static inline void budget_etl_xml_free(void *pointer) { xmlFree(pointer); }

// LIBXML_DOTTED_VERSION is a macro string Swift cannot import directly.
static inline const char *budget_etl_libxml_version(void) { return LIBXML_DOTTED_VERSION; }

#endif
