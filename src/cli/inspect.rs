//! `galley inspect FILE`: the Document as galley sees it, for rule authors and
//! bug reports.

use std::path::PathBuf;

use serde::Serialize;

use super::{CliError, EXIT_CLEAN, EXIT_ERROR, report_error};
use crate::document::{BlockKind, Document, Token};
use crate::source::Source;
use crate::span::Span;

#[derive(Debug, clap::Args)]
pub struct InspectArgs {
    pub file: PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t = super::rules::ListFormat::Text)]
    pub format: super::rules::ListFormat,

    /// Include every token.
    #[arg(long)]
    pub tokens: bool,
}

#[derive(Serialize)]
struct Inspection<'a> {
    version: u32,
    path: &'a str,
    format: crate::source::Format,
    paragraphs: Vec<ParagraphView>,
    sentences: Vec<Span>,
    quotations: Vec<QuotationView>,
    people: Vec<PersonView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tokens: Option<&'a [Token]>,
}

#[derive(Serialize)]
struct PersonView {
    name: String,
    mentions: Vec<MentionView>,
}

#[derive(Serialize)]
struct MentionView {
    start: usize,
    end: usize,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    variant: bool,
    subject: bool,
    quoted: bool,
}

#[derive(Serialize)]
struct ParagraphView {
    start: usize,
    end: usize,
    kind: BlockKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    dateline: Option<Span>,
}

#[derive(Serialize)]
struct QuotationView {
    start: usize,
    end: usize,
    open: Span,
    close: Option<Span>,
    continues: bool,
}

pub fn run(args: InspectArgs) -> u8 {
    let display = args.file.to_string_lossy().into_owned();
    let source = match std::fs::read(&args.file)
        .map_err(|e| e.to_string())
        .and_then(|bytes| Source::from_bytes(display.clone(), bytes).map_err(|e| e.to_string()))
    {
        Ok(source) => source,
        Err(err) => {
            report_error(CliError::new(format!("{display}: {err}")));
            return EXIT_ERROR;
        }
    };
    let doc = Document::new(&source);
    let inspection = Inspection {
        version: 1,
        path: &source.path,
        format: source.format,
        paragraphs: doc
            .paragraphs
            .iter()
            .map(|p| ParagraphView {
                start: p.span.start,
                end: p.span.end,
                kind: p.kind,
                dateline: p.dateline,
            })
            .collect(),
        sentences: doc.sentences.iter().map(|s| s.span).collect(),
        quotations: doc
            .quotations
            .iter()
            .map(|q| {
                let span = q.span(doc.paragraphs[q.paragraph].span.end);
                QuotationView {
                    start: span.start,
                    end: span.end,
                    open: q.open,
                    close: q.close,
                    continues: q.continues,
                }
            })
            .collect(),
        people: people(&doc),
        tokens: args.tokens.then_some(doc.tokens.as_slice()),
    };
    match args.format {
        super::rules::ListFormat::Json => {
            println!(
                "{}",
                serde_json::to_string(&inspection).expect("inspection serializes")
            );
        }
        super::rules::ListFormat::Text => print_text(&doc, &inspection),
    }
    EXIT_CLEAN
}

fn people(doc: &Document) -> Vec<PersonView> {
    let entities = doc.entities();
    entities
        .people
        .iter()
        .enumerate()
        .map(|(p, person)| PersonView {
            name: person.display_name(),
            mentions: entities
                .mentions_of(p)
                .map(|m| MentionView {
                    start: m.span.start,
                    end: m.span.end,
                    text: doc.slice(m.span).to_string(),
                    title: m.title.map(|t| doc.slice(t).to_string()),
                    variant: m.variant,
                    subject: m.subject,
                    quoted: m.quoted,
                })
                .collect(),
        })
        .collect()
}

fn print_text(doc: &Document, inspection: &Inspection) {
    let line = |offset: usize| doc.source.position(offset).line;
    for (i, paragraph) in doc.paragraphs.iter().enumerate() {
        println!(
            "¶{i} {:?} line {} [{}..{})",
            paragraph.kind,
            line(paragraph.span.start),
            paragraph.span.start,
            paragraph.span.end
        );
        if let Some(dateline) = paragraph.dateline {
            println!("  dateline: {}", doc.slice(dateline));
        }
        for sentence in &doc.sentences[paragraph.sentences.clone()] {
            println!(
                "  · [{}..{}) {}",
                sentence.span.start,
                sentence.span.end,
                doc.slice(sentence.span).replace('\n', " ")
            );
        }
    }
    for q in &inspection.quotations {
        let state = match (q.close.is_some(), q.continues) {
            (true, _) => "closed",
            (false, true) => "continues",
            (false, false) => "unclosed",
        };
        println!("quote [{}..{}) {state}", q.start, q.end);
    }
    for person in &inspection.people {
        let mentions: Vec<String> = person
            .mentions
            .iter()
            .map(|m| {
                let mut shown = format!("{}@{}", m.text, m.start);
                if let Some(title) = &m.title {
                    shown = format!("[{title}] {shown}");
                }
                for (flag, mark) in [
                    (m.variant, "variant"),
                    (m.subject, "subject"),
                    (m.quoted, "quoted"),
                ] {
                    if flag {
                        shown.push_str(&format!(" ({mark})"));
                    }
                }
                shown
            })
            .collect();
        println!("person {}: {}", person.name, mentions.join("; "));
    }
    if let Some(tokens) = inspection.tokens {
        for t in tokens {
            println!(
                "  {:?} [{}..{}) {:?}",
                t.kind,
                t.span.start,
                t.span.end,
                doc.slice(t.span)
            );
        }
    }
}
