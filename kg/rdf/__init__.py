"""Records to RDF: mint IRIs, build the graph, serialise and write it.

The submodules import rdflib lazily enough that ``import kg.rdf`` stays cheap;
import what you need from them::

    from kg.rdf.graph import build_graph
    from kg.rdf.write import format_for, write_graph
"""
