// libxml2's SAX2 push parser. Its ICU converter hooks are left out: Foundation brings its own ICU module,
// whose UErrorCode differs from the system's, and StakeNet reaches no structure that holds them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
