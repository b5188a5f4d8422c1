//! Blocks of a plain-text article: paragraphs separated by blank lines, and
//! the lines that are not running prose (headline, slugs, credit lines).

use serde::Serialize;

use crate::span::Span;

/// What kind of text a block holds. Rules meant for running prose (fragments,
/// stray capitals, run-ons) read only [`BlockKind::is_running_prose`] blocks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    /// Running prose.
    Body,
    /// The first line of a plain-text article, when it reads as a title.
    Headline,
    /// A Markdown heading.
    Heading,
    /// A line standing alone without sentence punctuation: a photo slug, a
    /// section label, a byline.
    Label,
    /// A photo credit (`Name / AP`, `(AP Photo/Name)`).
    Credit,
    /// A photo caption: the prose under a slug line.
    Caption,
    /// A Markdown list item.
    ListItem,
    /// A Markdown table cell.
    TableCell,
}

impl BlockKind {
    /// Full sentences are expected here.
    pub fn is_running_prose(self) -> bool {
        matches!(self, BlockKind::Body | BlockKind::Caption)
    }

    /// Titles, where capitalised words and missing verbs are normal.
    pub fn is_title(self) -> bool {
        matches!(
            self,
            BlockKind::Headline | BlockKind::Heading | BlockKind::Label | BlockKind::Credit
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub span: Span,
    pub kind: BlockKind,
}

/// Split plain text into blocks starting at `start` (after a BOM).
pub fn text_blocks(text: &str, start: usize) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut lines: Vec<Span> = Vec::new();
    let mut offset = start;
    for line in text[start..].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let span = trim_span(text, Span::new(offset, offset + content.len()));
        offset += line.len();
        if span.is_empty() {
            split_lines(text, &lines, &mut blocks);
            lines.clear();
        } else {
            lines.push(span);
        }
    }
    split_lines(text, &lines, &mut blocks);
    if let Some(first) = blocks.first_mut() {
        let first_line_alone = !text[first.span.start..first.span.end].contains('\n');
        if first.kind == BlockKind::Label
            || (first_line_alone
                && first.kind == BlockKind::Body
                && !ends_sentence(first.span.text(text)))
        {
            first.kind = BlockKind::Headline;
        }
    }
    blocks
}

/// One blank-line-separated group of lines: usually one paragraph (possibly
/// hard-wrapped), but a short unpunctuated line followed by more text (a
/// photo slug over its caption) stands alone.
fn split_lines(text: &str, lines: &[Span], blocks: &mut Vec<Block>) {
    let longest = lines.iter().map(|l| l.len()).max().unwrap_or(0);
    let mut paragraph: Option<Span> = None;
    let mut after_label = false;
    for (i, &line) in lines.iter().enumerate() {
        let line_text = line.text(text);
        let next_starts_anew = lines
            .get(i + 1)
            .and_then(|next| next.text(text).chars().next())
            .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit() || "“\"(".contains(c));
        let short = line.len() * 10 < longest * 7 || lines.len() == 1;
        let stands_alone = paragraph.is_none()
            && !ends_sentence(line_text)
            && could_be_title(line_text)
            && next_starts_anew
            && (short || lines.len() == 1);
        if stands_alone {
            let kind = if is_credit(line_text) {
                BlockKind::Credit
            } else {
                BlockKind::Label
            };
            blocks.push(Block { span: line, kind });
            after_label = kind == BlockKind::Label;
            continue;
        }
        paragraph = Some(paragraph.map_or(line, |p| p.cover(line)));
    }
    if let Some(span) = paragraph {
        let body = span.text(text);
        let kind = if is_credit(body) {
            BlockKind::Credit
        } else if after_label || memchr::memmem::find(body.as_bytes(), b"AP Photo").is_some() {
            BlockKind::Caption
        } else {
            BlockKind::Body
        };
        blocks.push(Block { span, kind });
    }
}

/// Does this line end as a sentence does?
fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '”' | '’' | '"' | '\'' | ')' | ']')
    })
    .ends_with(['.', '?', '!', '…', ':', ';'])
}

/// A line short enough to be a title and holding no sentence break: long
/// unpunctuated lines are prose that lost its full stop, not titles.
fn could_be_title(line: &str) -> bool {
    // Counting characters is needed only between 160 and 640 bytes.
    let short = match line.len() {
        0..=160 => true,
        161..=640 => line.chars().count() <= 160,
        _ => false,
    };
    short && !line.contains(". ") && !line.contains("? ") && !line.contains("! ")
}

/// The longest agency a credit line names after its ` / `.
const MAX_AGENCY_LEN: usize = 40;

/// `Jane Roe / AP`, `(AP Photo/Jane Doe)`, `Photo: Reuters`.
fn is_credit(line: &str) -> bool {
    let line = line.trim();
    if line.starts_with("(AP Photo")
        || line.starts_with("Photo:")
        || line.starts_with("Photograph:")
    {
        return true;
    }
    // The agency after the last ` / ` is at most 40 bytes: only the line's
    // end needs searching, not the whole of a long paragraph.
    let tail = line.len().saturating_sub(MAX_AGENCY_LEN + 3);
    let last_slash = memchr::memmem::rfind(&line.as_bytes()[tail..], b" / ").map(|at| tail + at);
    match last_slash.map(|at| (&line[..at], &line[at + 3..])) {
        Some((who, agency)) => {
            let words = who.split_whitespace().count();
            (1..=5).contains(&words)
                && !agency.is_empty()
                && agency.len() <= MAX_AGENCY_LEN
                && who
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase))
        }
        None => false,
    }
}

fn trim_span(text: &str, span: Span) -> Span {
    let slice = span.text(text);
    let start = span.start + (slice.len() - slice.trim_start().len());
    let end = span.start + slice.trim_end().len();
    Span::new(start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(BlockKind, &str)> {
        text_blocks(text, 0)
            .into_iter()
            .map(|b| (b.kind, b.span.text(text)))
            .collect()
    }

    #[test]
    fn headline_paragraphs_slug_caption_and_credit() {
        let text = "Ferry service resumes after repairs\n\nNAIROBI — They met. Then left.\n\nKenya Talks\nEngineers meet in Nairobi on Monday.\n\nJane Doe / AP\n";
        assert_eq!(
            kinds(text),
            vec![
                (BlockKind::Headline, "Ferry service resumes after repairs"),
                (BlockKind::Body, "NAIROBI — They met. Then left."),
                (BlockKind::Label, "Kenya Talks"),
                (BlockKind::Caption, "Engineers meet in Nairobi on Monday."),
                (BlockKind::Credit, "Jane Doe / AP"),
            ]
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_stay_whole() {
        let text = "The first sentence of a paragraph runs on past the end of\nthe line and ends here. A second one follows\nit.\n";
        let blocks = kinds(text);
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].0, BlockKind::Body);
    }

    #[test]
    fn crlf_and_blank_lines_with_spaces() {
        let text = "One.\r\n  \r\nTwo.\r\n";
        assert_eq!(
            kinds(text),
            vec![(BlockKind::Body, "One."), (BlockKind::Body, "Two.")]
        );
    }
}
