// C shims over Graphviz's libgvc and libcgraph for StakeNet. Not an API: only GraphvizRendering imports it.
// cgraph's functions take `char *` though they copy their arguments; these take `const char *`.
// Globals and macros Swift cannot use directly are wrapped as functions.
#ifndef STAKENET_CGRAPHVIZ_SHIM_H
#define STAKENET_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <stdlib.h>

// agsetfile names the input in cgraph's messages.
static inline Agraph_t *stakenet_agmemread(const char *text, const char *name) { agsetfile((char *)name); return agmemread((char *)text); }
static inline char *stakenet_agget(void *object, const char *name) { return agget(object, (char *)name); }
static inline char *stakenet_agnameof(void *object) { return agnameof(object); }
static inline Agedge_t *stakenet_agfstout(Agraph_t *graph, Agnode_t *node) { return agfstout(graph, node); }
static inline Agedge_t *stakenet_agnxtout(Agraph_t *graph, Agedge_t *edge) { return agnxtout(graph, edge); }
static inline Agnode_t *stakenet_agtail(Agedge_t *edge) { return agtail(edge); }
static inline Agnode_t *stakenet_aghead(Agedge_t *edge) { return aghead(edge); }
static inline int stakenet_agisdirected(Agraph_t *graph) { return agisdirected(graph); }
static inline Agsym_t *stakenet_agnxtattr(Agraph_t *graph, int kind, Agsym_t *symbol) { return agnxtattr(graph, kind, symbol); }
static inline char *stakenet_agxget(void *object, Agsym_t *symbol) { return agxget(object, symbol); }
static inline int stakenet_kind_node(void) { return AGNODE; }
static inline int stakenet_kind_edge(void) { return AGEDGE; }
static inline void stakenet_agseterr_max(void) { agseterr(AGMAX); }
static inline int stakenet_render_data(GVC_t *context, Agraph_t *graph, const char *format, char **result, unsigned int *length) {
    return gvRenderData(context, graph, format, result, length);
}
static inline int stakenet_render_file(GVC_t *context, Agraph_t *graph, const char *format, const char *path) {
    return gvRenderFilename(context, graph, format, path);
}
static inline int stakenet_layout(GVC_t *context, Agraph_t *graph, const char *engine) { return gvLayout(context, graph, engine); }
static inline void stakenet_seed(long seed) { srand48(seed); srand((unsigned)seed); srandom((unsigned)seed); }

#endif
