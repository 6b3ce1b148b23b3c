//! The dependency graph: components are nodes, data flows are edges labelled with their access.

use indexmap::IndexMap;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::edges::Access;
use crate::id::ComponentId;

/// One data flow, from an `inputs` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    pub from: ComponentId,
    pub to: ComponentId,
    pub access: Access,
    /// JSON pointer of the `inputs` entry that declared it.
    pub pointer: String,
}

/// The graph of a spec. Node and edge order follow the spec, so everything derived from it
/// is deterministic.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    inner: DiGraph<ComponentId, usize>,
    nodes: IndexMap<ComponentId, NodeIndex>,
    edges: Vec<Edge>,
    /// Per node (by index), the indices in `edges` of the edges leaving and entering it, in
    /// declaration order: neighbours cost their degree, not a scan of every edge.
    out_edges: Vec<Vec<usize>>,
    in_edges: Vec<Vec<usize>>,
}

impl Graph {
    pub fn new<'a>(ids: impl IntoIterator<Item = &'a ComponentId>) -> Graph {
        let mut g = Graph::default();
        for id in ids {
            let n = g.inner.add_node(id.clone());
            g.nodes.insert(id.clone(), n);
        }
        g.out_edges = vec![Vec::new(); g.nodes.len()];
        g.in_edges = vec![Vec::new(); g.nodes.len()];
        g
    }

    pub fn add_edge(&mut self, edge: Edge) {
        let (a, b) = (self.nodes[&edge.from], self.nodes[&edge.to]);
        let i = self.edges.len();
        self.inner.add_edge(a, b, i);
        self.out_edges[a.index()].push(i);
        self.in_edges[b.index()].push(i);
        self.edges.push(edge);
    }

    /// All edges, in declaration order.
    pub fn edges(&self) -> impl Iterator<Item = &Edge> {
        self.edges.iter()
    }

    /// Data flows leaving `id`: the components that list it in their `inputs`. What it names
    /// in a field of its own and acts on is [`Graph::references`].
    pub fn outgoing<'a>(&'a self, id: &'a ComponentId) -> impl Iterator<Item = &'a Edge> + 'a {
        self.adjacent(&self.out_edges, id)
            .filter(|e| e.access.is_flow())
    }

    /// Edges to the components `id` names outside `inputs` and acts on (a schedule's target).
    pub fn references<'a>(&'a self, id: &'a ComponentId) -> impl Iterator<Item = &'a Edge> + 'a {
        self.adjacent(&self.out_edges, id)
            .filter(|e| !e.access.is_flow())
    }

    /// Data flows entering `id`: what it reads, from its `inputs`. The components that name
    /// it in a field of their own (a schedule's `target`) are [`Graph::referenced_by`].
    pub fn incoming<'a>(&'a self, id: &'a ComponentId) -> impl Iterator<Item = &'a Edge> + 'a {
        self.adjacent(&self.in_edges, id)
            .filter(|e| e.access.is_flow())
    }

    /// Edges from the components that name `id` outside `inputs` and act on it (schedules).
    pub fn referenced_by<'a>(&'a self, id: &'a ComponentId) -> impl Iterator<Item = &'a Edge> + 'a {
        self.adjacent(&self.in_edges, id)
            .filter(|e| !e.access.is_flow())
    }

    /// Edges leaving or entering `id` (a self-loop once), in declaration order.
    pub fn touching<'a>(&'a self, id: &ComponentId) -> impl Iterator<Item = &'a Edge> + 'a {
        let mut list: Vec<usize> = match self.nodes.get(id) {
            Some(n) => [&self.out_edges[n.index()], &self.in_edges[n.index()]]
                .into_iter()
                .flatten()
                .copied()
                .collect(),
            None => Vec::new(),
        };
        list.sort_unstable();
        list.dedup();
        list.into_iter().map(|i| &self.edges[i])
    }

    /// The edges listed for `id` in `table`; none for an id that is not a node.
    fn adjacent<'a>(
        &'a self,
        table: &'a [Vec<usize>],
        id: &ComponentId,
    ) -> impl Iterator<Item = &'a Edge> + 'a {
        let list = self
            .nodes
            .get(id)
            .map_or(&[][..], |n| &table[n.index()][..]);
        list.iter().map(|&i| &self.edges[i])
    }
}

/// Every cycle (strongly connected set, or self-loop) among `edges`, each as a closed walk
/// rotated to start at its smallest id, so messages are stable.
pub fn cycles<'a>(
    ids: impl IntoIterator<Item = &'a ComponentId>,
    edges: &[(&ComponentId, &ComponentId)],
) -> Vec<Vec<ComponentId>> {
    let mut g: DiGraph<ComponentId, ()> = DiGraph::new();
    let mut index = IndexMap::new();
    for id in ids {
        index.insert(id.clone(), g.add_node(id.clone()));
    }
    for (a, b) in edges {
        g.add_edge(index[*a], index[*b], ());
    }
    let mut out = Vec::new();
    for scc in petgraph::algo::tarjan_scc(&g) {
        let self_loop = scc.len() == 1 && g.contains_edge(scc[0], scc[0]);
        if scc.len() < 2 && !self_loop {
            continue;
        }
        let start = *scc
            .iter()
            .min_by_key(|n| &g[**n])
            .expect("an SCC is never empty");
        // Walk from the smallest member, always taking the smallest next member in the set.
        let mut walk = vec![start];
        let mut cur = start;
        loop {
            let next = g
                .neighbors(cur)
                .filter(|n| scc.contains(n))
                .filter(|n| *n == start || !walk.contains(n))
                .min_by_key(|n| (*n != start, g[*n].clone()));
            match next {
                Some(n) if n != start => {
                    walk.push(n);
                    cur = n;
                }
                _ => break,
            }
        }
        out.push(walk.into_iter().map(|n| g[n].clone()).collect());
    }
    out.sort();
    out
}
