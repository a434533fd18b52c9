#ifndef GOVREPORT_CLIBXML2_SHIM_H
#define GOVREPORT_CLIBXML2_SHIM_H
// Debian builds libxml2 with ICU, and its encoding.h then includes ICU's headers, which clash
// with the ICU copy inside Foundation. Only the HTML parser and the tree are used here, never
// an encoding handler's fields, so the ICU part of those headers is left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parserInternals.h>
// libxml2 keeps its element depth cap in a process-wide variable, which Swift 6 does not let
// code touch directly; govreport sets it once, before its first parse.
static inline void govreport_set_xml_max_depth(unsigned int depth) { xmlParserMaxDepth = depth; }
#endif
