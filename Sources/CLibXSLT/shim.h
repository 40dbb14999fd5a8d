#ifndef BUDGET_ETL_CLIBXSLT_SHIM_H
#define BUDGET_ETL_CLIBXSLT_SHIM_H

// libxml2 exactly as CLibXML2 brings it in (ICU switched off first, see docs/swift-libxml2.md):
// that header belongs to the CLibXML2 module, so this is an import of it, not a second copy of
// libxml2's declarations; the libxml2 headers libxslt's include then find their guards defined.
#include "../CLibXML2/shim.h"

#include <libxslt/xsltInternals.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>
#include <libxslt/security.h>

#endif
