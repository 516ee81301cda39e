//! The methods paragraph of a report: one paragraph a researcher can paste into a
//! paper, generated from the parameters the analysis actually ran with — data source
//! and counts, time span and slicing, node type, selection and link reduction in
//! CiteSpace's notation ([`crate::network::NetworkParams::criteria`]), link strength
//! and counting, pruning, clustering and resolution, silhouette, labelling, bursts,
//! layout and cocite's version.

use super::SILHOUETTE_DEFINITION;
use crate::model::Corpus;
use crate::network::{Measure, NodeKind, Prune};
use crate::pipeline::{Analysis, ClusterMethod, LabelMethod, LayoutMethod};
use std::collections::BTreeMap;

/// A source format in words.
pub fn format_name(format: &str) -> &str {
    match format {
        "wos" => "Web of Science (plain text)",
        "wos-tab" => "Web of Science (tab-delimited)",
        "scopus" => "Scopus (CSV)",
        "ris" => "RIS",
        "bibtex" => "BibTeX",
        "medline" => "PubMed (MEDLINE)",
        "openalex" => "OpenAlex (JSON)",
        "openalex-csv" => "OpenAlex (CSV)",
        "lens" => "Lens.org (CSV)",
        other => other,
    }
}

/// What the nodes are, for the methods text.
fn node_type(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Reference => "cited references (document co-citation)",
        NodeKind::Author => "cited first authors (author co-citation)",
        NodeKind::Journal => "cited sources (journal co-citation)",
        NodeKind::Coauthor => "authors (co-authorship)",
        NodeKind::Institution => "institutions from the addresses (collaboration)",
        NodeKind::Country => "countries from the addresses (collaboration)",
        NodeKind::Keyword => "author keywords and Keywords Plus (keyword co-occurrence)",
        NodeKind::Term => {
            "terms, noun phrases of 2–4 words from titles, abstracts, author keywords and \
             Keywords Plus found by a stop-word heuristic without part-of-speech tagging \
             (term co-occurrence)"
        }
        NodeKind::Category => "Web of Science categories (WC; category co-occurrence)",
        NodeKind::Coupling => "the records (bibliographic coupling)",
        NodeKind::Citation => "the records linked by direct citation",
        NodeKind::Imported => "the nodes of an imported network",
    }
}

fn measure_name(m: Measure) -> &'static str {
    match m {
        Measure::Raw => "raw co-occurrence counts",
        Measure::Cosine => "cosine (Salton)",
        Measure::Jaccard => "Jaccard",
        Measure::Dice => "Dice",
        Measure::Association => "association strength (van Eck & Waltman 2009)",
    }
}

fn label_name(m: LabelMethod) -> &'static str {
    match m {
        LabelMethod::Llr => "log-likelihood ratio (LLR)",
        LabelMethod::Tfidf => "TF-IDF",
        LabelMethod::Mi => "mutual information (MI)",
    }
}

/// "N records from 5 Web of Science (plain text) files".
fn data_sentence(corpus: &Corpus) -> String {
    let mut formats: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &corpus.files {
        *formats.entry(format_name(&f.format)).or_default() += 1;
    }
    let files: Vec<String> = formats
        .iter()
        .map(|(f, n)| format!("{n} {f} file{}", if *n == 1 { "" } else { "s" }))
        .collect();
    let read: usize = corpus.files.iter().map(|f| f.records).sum();
    let dups = read.saturating_sub(corpus.records.len());
    let dup_text = if dups > 0 {
        format!(" ({read} read, {dups} duplicates merged)")
    } else {
        String::new()
    };
    format!(
        "The data are {} bibliographic records{dup_text} from {}.",
        corpus.records.len(),
        files.join(" and ")
    )
}

/// How the network was built.
fn network_sentences(a: &Analysis) -> String {
    let p = &a.params.network;
    let span = a.span.map(|(x, y)| format!("{x}–{y}")).unwrap_or_default();
    let nodes = a.network.nodes.len();
    let links = a.network.links.len();
    if p.kind == NodeKind::Citation {
        let core = p
            .core
            .map(|k| {
                format!(
                    "the core publications (at least {k} citation links among themselves), then "
                )
            })
            .unwrap_or_default();
        return format!(
            "The nodes are {} published in {span}; cocite kept {core}the records selected by {} on \
             their local citations (LCS), giving {nodes} nodes and {links} citation links.",
            node_type(p.kind),
            p.select.citespace()
        );
    }
    let thesaurus = if p.thesaurus.is_empty() {
        String::new()
    } else {
        format!(
            " A thesaurus of {} entries merged name variants.",
            p.thesaurus.len()
        )
    };
    let prune = match (p.prune, p.prune_slices, p.prune_merged) {
        (Prune::None, ..) => "no pruning".to_string(),
        (pr, true, true) => format!(
            "{} pruning of the slices and of the merged network",
            prune_name(pr)
        ),
        (pr, true, false) => format!("{} pruning of the slices", prune_name(pr)),
        (pr, false, _) => format!("{} pruning of the merged network", prune_name(pr)),
    };
    format!(
        "The span {span} was cut into {} time slice{} of {} year{}; the nodes are {}. In each \
         slice, nodes were selected and links reduced by the criteria {} (CiteSpace's notation: \
         selection rule, link retaining factor, maximum links per node, look-back years). Link \
         strength is {} with {} counting, and the networks had {prune}. The merged network has \
         {nodes} nodes and {links} links.{thesaurus}",
        a.slices.len(),
        if a.slices.len() == 1 { "" } else { "s" },
        p.slice,
        if p.slice == 1 { "" } else { "s" },
        node_type(p.kind),
        p.criteria(),
        measure_name(p.measure),
        p.counting,
    )
}

fn prune_name(p: Prune) -> &'static str {
    match p {
        Prune::None => "no",
        Prune::Pathfinder => "Pathfinder (PFNET, r = ∞, q = n − 1)",
        Prune::Mst => "minimum spanning tree",
    }
}

/// Clustering, silhouette, labels, bursts, centrality and layout.
fn analysis_sentences(a: &Analysis) -> String {
    let o = &a.params.analysis;
    let mut out = Vec::new();
    let method = match o.cluster {
        ClusterMethod::Leiden => Some("the Leiden algorithm (Traag, Waltman & van Eck 2019)"),
        ClusterMethod::Louvain => Some("the Louvain algorithm (Blondel et al. 2008)"),
        ClusterMethod::None => None,
    };
    if let Some(m) = method {
        out.push(format!(
            "Clusters were found by {m} at resolution {} (seed {}): {} clusters, modularity Q = \
             {:.4}, mean silhouette S = {:.4}. {SILHOUETTE_DEFINITION} Clusters were labelled \
             by {} from the titles, keywords and abstracts of the records citing their members.",
            o.resolution,
            o.seed,
            a.clusters.len(),
            a.modularity.unwrap_or(f64::NAN),
            a.mean_silhouette.unwrap_or(f64::NAN),
            label_name(o.labels),
        ));
    }
    out.push(format!(
        "Bursts were detected with Kleinberg's (2002) two-state algorithm on yearly counts \
         (s = {}, γ = {}, minimum duration {} year{}).",
        crate::analysis::burst::DEFAULT_S,
        o.burst_gamma,
        o.burst_min_years,
        if o.burst_min_years == 1 { "" } else { "s" }
    ));
    if o.centrality {
        out.push("Betweenness centrality is normalised to 0–1 (Brandes 2001).".into());
    }
    let layout = match a.params.layout.method {
        LayoutMethod::Fa2 => Some("ForceAtlas2 (Jacomy et al. 2014)"),
        LayoutMethod::Fdg => Some("Fruchterman–Reingold"),
        LayoutMethod::Timeline => Some("CiteSpace's timeline view"),
        LayoutMethod::Timezone => Some("CiteSpace's time-zone view"),
        LayoutMethod::Historiograph => Some("a historiograph (records at their publication year)"),
        LayoutMethod::None => None,
    };
    if let Some(l) = layout {
        out.push(format!("The map was laid out with {l}."));
    }
    out.join(" ")
}

/// The methods paragraph of `a` on `corpus` (module docs).
pub fn methods(corpus: &Corpus, a: &Analysis) -> String {
    format!(
        "{} {} {} The analysis was made with cocite {} (an open-source science-mapping tool), following \
         CiteSpace (Chen 2006) and bibliometrix (Aria & Cuccurullo 2017).",
        data_sentence(corpus),
        network_sentences(a),
        analysis_sentences(a),
        env!("CARGO_PKG_VERSION")
    )
}
