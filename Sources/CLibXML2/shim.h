/* libxml2 pulls in the system ICU, whose types clash with Foundation's own ICU module.
   Only libxml2's API is used, so switch its ICU support off before the other headers. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlwriter.h>
#include <libxml/xmlerror.h>
