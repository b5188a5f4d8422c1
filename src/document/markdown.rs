//! Markdown to prose: which bytes of a Markdown file are prose, and how they
//! group into blocks.
//!
//! The result is a *masked* copy of the text with the same length as the
//! source: every byte that is not prose (syntax, code, HTML, link targets,
//! front matter) becomes NUL, newlines stay. Offsets in the masked text are
//! offsets in the file, so everything downstream works on it as if it were
//! plain text and spans need no mapping.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::blocks::{Block, BlockKind};
use crate::span::Span;

/// What pulldown-cmark should recognise: the extensions news sites use.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
}

pub struct MarkdownProse {
    pub masked: String,
    pub blocks: Vec<Block>,
    /// HTML comments, where inline suppressions live.
    pub comments: Vec<Span>,
}

/// Mask everything that is not prose and collect prose blocks.
pub fn prose(text: &str) -> MarkdownProse {
    let mut keep = vec![false; text.len()];
    let mut blocks = Vec::new();
    let mut comments = Vec::new();
    let mut current: Option<Span> = None;
    // Containers we are inside, innermost last.
    let mut stack: Vec<BlockKind> = Vec::new();
    // Depth of constructs whose text is not prose (autolinks, images, code).
    let mut opaque = 0usize;
    // For each open link: whether it is an autolink, whose text is a URL.
    let mut links: Vec<bool> = Vec::new();

    let flush = |current: &mut Option<Span>, stack: &[BlockKind], blocks: &mut Vec<Block>| {
        if let Some(span) = current.take() {
            let kind = stack.last().copied().unwrap_or(BlockKind::Body);
            blocks.push(Block { span, kind });
        }
    };

    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                match &tag {
                    Tag::Paragraph
                    | Tag::Heading { .. }
                    | Tag::Item
                    | Tag::TableCell
                    | Tag::BlockQuote(_)
                    | Tag::CodeBlock(_)
                    | Tag::HtmlBlock
                    | Tag::List(_)
                    | Tag::Table(_)
                    | Tag::FootnoteDefinition(_)
                    | Tag::MetadataBlock(_) => flush(&mut current, &stack, &mut blocks),
                    _ => {}
                }
                match tag {
                    Tag::Heading { .. } => stack.push(BlockKind::Heading),
                    Tag::Item => stack.push(BlockKind::ListItem),
                    Tag::TableCell => stack.push(BlockKind::TableCell),
                    Tag::Paragraph => {
                        // A paragraph inside a list item is still the item.
                        let kind = match stack.last() {
                            Some(BlockKind::ListItem) => BlockKind::ListItem,
                            _ => BlockKind::Body,
                        };
                        stack.push(kind);
                    }
                    Tag::Link { link_type, .. } => {
                        let autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
                        opaque += usize::from(autolink);
                        links.push(autolink);
                    }
                    Tag::Image { .. }
                    | Tag::CodeBlock(_)
                    | Tag::MetadataBlock(_)
                    | Tag::HtmlBlock => opaque += 1,
                    _ => {}
                }
            }
            Event::End(end) => {
                match end {
                    TagEnd::Paragraph
                    | TagEnd::Heading(_)
                    | TagEnd::Item
                    | TagEnd::TableCell
                    | TagEnd::BlockQuote(_)
                    | TagEnd::FootnoteDefinition => flush(&mut current, &stack, &mut blocks),
                    _ => {}
                }
                match end {
                    TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell | TagEnd::Paragraph => {
                        stack.pop();
                    }
                    TagEnd::Link if links.pop() == Some(true) => {
                        opaque = opaque.saturating_sub(1);
                    }
                    TagEnd::Image
                    | TagEnd::CodeBlock
                    | TagEnd::MetadataBlock(_)
                    | TagEnd::HtmlBlock => opaque = opaque.saturating_sub(1),
                    _ => {}
                }
            }
            Event::Text(_) if opaque == 0 => {
                keep[range.clone()].fill(true);
                let span = Span::from(range);
                current = Some(current.map_or(span, |c| c.cover(span)));
            }
            Event::SoftBreak | Event::HardBreak if opaque == 0 => {
                let span = Span::from(range);
                current = current.map(|c| c.cover(span));
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                let html = &text[range.clone()];
                if html.trim_start().starts_with("<!--") {
                    comments.push(Span::from(range));
                }
            }
            _ => {}
        }
    }
    flush(&mut current, &stack, &mut blocks);

    let mut masked = text.as_bytes().to_vec();
    for (byte, keep) in masked.iter_mut().zip(&keep) {
        if !keep && *byte != b'\n' {
            *byte = 0;
        }
    }
    // Whole characters are either kept or masked byte by byte, and NUL and
    // `\n` are ASCII, so the result is still UTF-8.
    let masked = String::from_utf8(masked).expect("masking keeps UTF-8");
    MarkdownProse {
        masked,
        blocks,
        comments,
    }
}

/// Where the front matter (a YAML `---` or TOML `+++` block opening the
/// file) ends, so text meant for the top of the article goes after it; 0
/// when there is none.
pub fn front_matter_end(text: &str) -> usize {
    match Parser::new_ext(text, options()).into_offset_iter().next() {
        // The block ends at its closing fence; the fence's line break too.
        Some((Event::Start(Tag::MetadataBlock(_)), range)) => text[range.end..]
            .find('\n')
            .map_or(text.len(), |i| range.end + i + 1),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visible(text: &str) -> String {
        prose(text).masked.replace('\0', "")
    }

    #[test]
    fn code_html_and_link_targets_are_not_prose() {
        let text = "# Title\n\nSee [the report](https://x.org/a.b) and `code.here` now.\n\n```\nlet x = 1;\n```\n\n<div>html</div>\n";
        let p = prose(text);
        assert_eq!(p.masked.len(), text.len());
        let v = visible(text);
        assert!(v.contains("the report"));
        assert!(!v.contains("https"));
        assert!(!v.contains("code.here"));
        assert!(!v.contains("let x"));
        assert!(!v.contains("html"));
        let kinds: Vec<_> = p.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, vec![BlockKind::Heading, BlockKind::Body]);
    }

    #[test]
    fn front_matter_and_autolinks_are_masked() {
        let text = "---\ntitle: A story\n---\n\nWrite to <me@example.com> or <https://a.b/c>.\n";
        let v = visible(text);
        assert!(!v.contains("title"));
        assert!(!v.contains("example"));
        assert!(!v.contains("a.b/c"));
        assert!(v.contains("Write to"));
    }

    #[test]
    fn list_items_are_blocks_of_their_own() {
        let p = prose("- one thing\n- another thing\n\nBody text.\n");
        let kinds: Vec<_> = p.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![BlockKind::ListItem, BlockKind::ListItem, BlockKind::Body]
        );
    }

    #[test]
    fn html_comments_are_recorded() {
        let p = prose("<!-- galley-disable garbled -->\n\nText.\n");
        assert_eq!(p.comments.len(), 1);
    }

    #[test]
    fn front_matter_ends_after_its_closing_fence() {
        let text = "---\ntitle: A story\n---\n\nBody.\n";
        assert_eq!(&text[front_matter_end(text)..], "\nBody.\n");
        assert_eq!(front_matter_end("Body.\n\n---\nx: y\n---\n"), 0);
        assert_eq!(front_matter_end("# Title\n"), 0);
        assert_eq!(front_matter_end("---\nx: y\n---"), "---\nx: y\n---".len());
    }
}
