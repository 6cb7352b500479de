//! One command of a line: its word, postconditional and arguments, and the error GT.M
//! gives where they go wrong (a command without the arguments it needs, an unknown `$name`,
//! a bad `^`, an unterminated string).

use super::*;

/// A syntax error at or after a string with no closing quote, or a byte M has no use for,
/// becomes the error GT.M gives for it where it stands (see `unterminated`).
pub(super) fn unterminated(
    cmd: &[(Tok<'_>, SimpleSpan)],
    body: &str,
    offset: usize,
    e: MError,
) -> MError {
    let toks: Vec<(Tok<'_>, Span)> = cmd
        .iter()
        .map(|(t, s)| (t.clone(), s.into_range()))
        .collect();
    let Some((q, quote)) = crate::syntax::unterminated::bad_token_at(&toks, body, offset) else {
        return e;
    };
    let at = toks[q].1.start;
    if q == 0 || e.span.as_ref().is_some_and(|s| s.start < at) {
        return e;
    }
    let shape = match &toks[0].0 {
        Tok::Name(n) => match word(n) {
            Some(Word::Set) => CmdShape::Set,
            Some(Word::For) => CmdShape::For,
            Some(Word::Kill) => CmdShape::Kill,
            Some(Word::Do) => CmdShape::Do,
            _ => CmdShape::Other,
        },
        _ => CmdShape::Other,
    };
    // A stray byte only refines the generic SPOREOL: `$$$` (LABELEXPECTED) and `DO ÿ`
    // keep their own error.
    let k = if !quote && e.kind != kind::SPOREOL {
        return e;
    } else if quote {
        crate::syntax::unterminated::error_kind(&toks, q, shape, is_binary_operator)
    } else {
        crate::syntax::unterminated::stray_kind(&toks, q, shape, is_binary_operator)
    };
    MError::new(k).at(at..at + 1)
}

/// Errors GT.M raises only when the bad command runs (a skipped command never fails); other
/// syntax errors stop the line where they are found.
fn is_deferred(e: &MError) -> bool {
    [kind::INVFCN, kind::INVSVN, kind::DEVPARUNK].contains(&e.kind)
}

/// The first `^` at or before `before` that starts no global, routine or extended reference
/// (GT.M's GBLNAME; RTNNAME where a routine name should follow, see `missing`), or whose
/// `[...]` environment holds more than expression atoms (EXTGBLDEL).
fn bad_caret(toks: &Toks<'_>, before: Option<&Span>, entry_cmd: bool) -> Option<MError> {
    let limit = before.map_or(usize::MAX, |s| s.start);
    let kinds: Vec<Tok<'_>> = toks.iter().map(|(t, _)| t.clone()).collect();
    toks.iter().enumerate().find_map(|(i, (t, span))| {
        if *t != Tok::Caret || span.start > limit {
            return None;
        }
        let next = toks.get(i + 1).map(|(t, s)| (t, s.into_range()));
        if crate::syntax::missing::routine_caret(&kinds, i, entry_cmd) {
            return match next {
                Some((Tok::Name(_) | Tok::At, _)) => None,
                Some((_, s)) => Some(MError::new(kind::RTNNAME).at(s)),
                None => Some(MError::new(kind::RTNNAME).at(span.end..span.end)),
            };
        }
        match next {
            Some((Tok::Name(_) | Tok::LParen | Tok::At | Tok::Bar, _)) => None,
            Some((Tok::LBracket, _)) => {
                let mut depth = 0usize;
                for (t, s) in &toks[i + 2..] {
                    match t {
                        Tok::LParen => depth += 1,
                        Tok::RParen => depth = depth.saturating_sub(1),
                        Tok::RBracket if depth == 0 => return None,
                        Tok::Underscore
                        | Tok::Star
                        | Tok::Pow
                        | Tok::Slash
                        | Tok::Backslash
                        | Tok::Hash
                        | Tok::Eq
                        | Tok::Lt
                        | Tok::Gt
                        | Tok::Amp
                        | Tok::Bang
                            if depth == 0 =>
                        {
                            return Some(MError::new(kind::EXTGBLDEL).at(s.into_range()));
                        }
                        _ => {}
                    }
                }
                None
            }
            Some((_, s)) => Some(MError::new(kind::GBLNAME).at(s)),
            None => Some(MError::new(kind::GBLNAME).at(span.end..span.end)),
        }
    })
}

/// The first `$name` that is neither a function (when `(` follows) nor a special variable,
/// at or before `before`, as GT.M's INVFCN/INVSVN.
fn unknown_dollar(toks: &Toks<'_>, before: Option<&Span>) -> Option<MError> {
    let limit = before.map_or(usize::MAX, |s| s.start);
    toks.iter().enumerate().find_map(|(i, (t, span))| {
        let Tok::Dollar(n) = t else { return None };
        if span.start > limit {
            return None;
        }
        let call = matches!(toks.get(i + 1), Some((Tok::LParen, _)));
        let known_call = func(n).is_some()
            || ["S", "SELECT", "T", "TEXT"].contains(&n.to_ascii_uppercase().as_str());
        let k = match call {
            true if !known_call => kind::INVFCN,
            false if svn(n).is_none() => kind::INVSVN,
            _ => return None,
        };
        Some(MError::new(k).at(span.into_range()))
    })
}

/// The tokens from `i` up to the next space or comment (an argument list or a
/// postconditional: M arguments contain no spaces outside string literals).
fn run_to_space(toks: &Toks<'_>, i: usize) -> usize {
    toks[i..]
        .iter()
        .position(|(t, _)| matches!(t, Tok::Space(_) | Tok::Comment))
        .map_or(toks.len(), |n| i + n)
}

pub(super) fn one_command(toks: &Toks<'_>, i: &mut usize, line_end: usize) -> Result<Cmd, MError> {
    let (first, span) = &toks[*i];
    let start = span.start;
    let w = match first {
        Tok::Name(n) => word(n).ok_or_else(|| MError::new(kind::INVCMD).at(span.into_range()))?,
        _ => return Err(MError::new(kind::CMD).at(span.into_range())),
    };
    *i += 1;
    let mut cond = None;
    if let Some((Tok::Colon, colon)) = toks.get(*i) {
        // GT.M: IF, ELSE and FOR take no postconditional.
        if matches!(w, Word::If | Word::Else | Word::For) {
            return Err(MError::new(kind::SPOREOL).at(colon.into_range()));
        }
        let from = *i + 1;
        let to = run_to_space(toks, from);
        let end = toks.get(to).map_or(line_end, |(_, s)| s.start);
        cond = Some(run(&toks[from..to], end, expr())?);
        *i = to;
    }
    let has_args = matches!(toks.get(*i), Some((Tok::Space(1), _)))
        && !matches!(
            toks.get(*i + 1),
            None | Some((Tok::Space(_) | Tok::Comment, _))
        );
    let args = if has_args {
        let from = *i + 1;
        let to = run_to_space(toks, from);
        *i = to;
        Some(from..to)
    } else {
        None
    };
    let end = toks.get(*i).map_or(line_end, |(_, s)| s.start);
    let args_toks = args.clone().map(|r| &toks[r]);
    let kind = match arguments(w, args_toks, end) {
        // A command that needs arguments, with none.
        Err(e) if args.is_none() => {
            return Err(no_arguments(w, toks.get(*i).is_none(), e).at(end..end));
        }
        Ok(kind) => kind,
        Err(e) if is_deferred(&e) => CmdKind::Deferred(Box::new(e)),
        // A `$name` GT.M does not know, before the error found: GT.M reports that name, and
        // only when the command runs.
        Err(e) if let Some(u) = args_toks.and_then(|t| unknown_dollar(t, e.span.as_ref())) => {
            CmdKind::Deferred(Box::new(u))
        }
        // A caret GT.M cannot read a global name after: its own error, at the caret.
        Err(e)
            if let Some(c) =
                args_toks.and_then(|t| bad_caret(t, e.span.as_ref(), takes_entryrefs(w))) =>
        {
            return Err(c);
        }
        Err(e) if e.span.is_none() => return Err(e.at(start..end)),
        Err(e) => return Err(e),
    };
    Ok(Cmd::new(kind, cond, start..end))
}

/// GT.M's error for command `w`, which needs arguments, given none (`argumentless` failed
/// with `e`): SPOREOL where the line ends right after it (`WRITE`), else (spaces or a comment
/// follow) the error for a missing argument (`SET  x=1`: VAREXPECTED, `GOTO  x`:
/// LABELEXPECTED).
fn no_arguments(w: Word, line_ends: bool, e: MError) -> MError {
    if e.kind != kind::EXPR {
        return e;
    }
    if line_ends {
        return MError::new(kind::SPOREOL);
    }
    match (w, arg_shape(w)) {
        (_, Some(shape)) => MError::new(shape.missing),
        (Word::Goto | Word::Job | Word::ZBreak, None) => MError::new(kind::LABELEXPECTED),
        _ => e,
    }
}

/// Whether the command's arguments are entry references (`DO ^`: RTNNAME).
fn takes_entryrefs(w: Word) -> bool {
    matches!(
        w,
        Word::Do | Word::Goto | Word::Job | Word::ZGoto | Word::ZPrint | Word::ZBreak
    )
}

/// Parses a command's arguments (`None` when it has none) into its `CmdKind`; a generic
/// syntax error becomes the one GT.M gives for this command (see `missing`).
pub(super) fn arguments(w: Word, args: Option<&Toks<'_>>, end: usize) -> Result<CmdKind, MError> {
    let Some(a) = args else {
        return argumentless(w);
    };
    command_arguments(w, a, end).map_err(|e| match arg_shape(w) {
        Some(shape) => {
            let toks: Vec<_> = a.iter().map(|(t, s)| (t.clone(), s.into_range())).collect();
            crate::syntax::missing::refine(shape, &toks, e)
        }
        None => e,
    })
}

/// The shape of a command's argument list, for `missing::refine`; `None` for the commands
/// whose arguments are entry references (they have errors of their own).
fn arg_shape(w: Word) -> Option<ArgShape> {
    let var = ArgShape {
        missing: kind::VAREXPECTED,
        ..ArgShape::EXPR
    };
    let lock = ArgShape {
        missing: kind::LKNAMEXPECTED,
        groups: true,
        ..ArgShape::EXPR
    };
    Some(match w {
        Word::Set => ArgShape {
            groups: true,
            after_eq: Some(kind::EXPR),
            set: true,
            ..var
        },
        Word::Kill | Word::New | Word::ZKill => ArgShape {
            groups: true,
            ..var
        },
        Word::Merge => ArgShape {
            after_eq: Some(kind::VAREXPECTED),
            ..var
        },
        Word::ZWrite => var,
        Word::Lock | Word::ZAllocate | Word::ZDeallocate => lock,
        Word::Read => ArgShape {
            missing: kind::RWARG,
            ..ArgShape::EXPR
        },
        Word::For => ArgShape {
            after_eq: Some(kind::EXPR),
            ..ArgShape::EXPR
        },
        Word::Do | Word::Goto | Word::Job | Word::ZGoto | Word::ZBreak | Word::ZPrint => {
            return None;
        }
        _ => ArgShape::EXPR,
    })
}

const SET: Site = Site {
    set_targets: true,
    entry_refs: false,
};
const ENTRY: Site = Site {
    set_targets: false,
    entry_refs: true,
};

fn command_arguments(w: Word, a: &Toks<'_>, end: usize) -> Result<CmdKind, MError> {
    Ok(match w {
        Word::Set => CmdKind::Set(run_at(a, end, comma_list(set_arg()), SET)?),
        Word::Write => CmdKind::Write(run(a, end, write_args())?),
        Word::Read => CmdKind::Read(run(a, end, read_args())?),
        Word::Kill => CmdKind::Kill(Some(run(a, end, comma_list(kill_arg()))?)),
        Word::New => CmdKind::New(Some(run(a, end, comma_list(new_arg()))?)),
        Word::If => CmdKind::If(run(a, end, comma_list(expr()))?),
        Word::For => CmdKind::For(Some(run(a, end, for_arg())?)),
        Word::Do => CmdKind::Do(run_at(a, end, comma_list(do_arg()), ENTRY)?),
        Word::Goto => CmdKind::Goto(run_at(a, end, comma_list(goto_arg()), ENTRY)?),
        Word::Quit => CmdKind::Quit(Some(run(a, end, expr())?)),
        Word::H | Word::Hang => CmdKind::Hang(run(a, end, comma_list(expr()))?),
        Word::Xecute => CmdKind::Xecute(run(a, end, comma_list(conditional()))?),
        Word::Open => CmdKind::Open(run(a, end, comma_list(device_arg()))?),
        Word::Use => CmdKind::Use(run(a, end, comma_list(device_arg()))?),
        Word::Close => CmdKind::Close(run(a, end, comma_list(device_arg()))?),
        Word::ZHalt => CmdKind::ZHalt(Some(run(a, end, expr())?)),
        Word::ZSystem => CmdKind::ZSystem(Some(run(a, end, comma_list(expr()))?)),
        Word::View => CmdKind::View(run(a, end, comma_list(view_arg()))?),
        Word::ZWrite => CmdKind::ZWrite(Some(run(a, end, comma_list(zw_arg()))?)),
        Word::ZLink => CmdKind::ZLink(run(a, end, comma_list(expr()))?),
        Word::ZGoto => CmdKind::ZGoto(Some(run(a, end, zgoto_arg())?)),
        Word::Merge => CmdKind::Merge(run(a, end, comma_list(merge_arg()))?),
        Word::ZShow => CmdKind::ZShow(Some(run(a, end, comma_list(zshow_arg()))?)),
        Word::Job => CmdKind::Job(run_at(a, end, comma_list(job_arg()), ENTRY)?),
        Word::ZKill => CmdKind::ZKill(run(a, end, comma_list(kill_arg()))?),
        Word::Lock => CmdKind::Lock(Some(run(a, end, comma_list(lock_arg()))?)),
        Word::ZAllocate => CmdKind::ZAllocate(run(a, end, comma_list(lock_arg()))?),
        Word::ZDeallocate => CmdKind::ZDeallocate(Some(run(a, end, comma_list(lock_arg()))?)),
        Word::Tstart => CmdKind::Tstart(Some(run(a, end, tstart_arg())?)),
        Word::Trollback => CmdKind::Trollback(Some(run(a, end, expr())?)),
        Word::ZBreak => CmdKind::ZBreak(run(a, end, comma_list(zbreak_arg()))?),
        Word::ZStep => CmdKind::ZStep(run(a, end, step_kind())?),
        Word::ZPrint => CmdKind::ZPrint(Some(run(a, end, zprint_arg())?)),
        Word::ZMessage => CmdKind::ZMessage(run(a, end, comma_list(zmessage_arg()))?),
        Word::Break => {
            return Err(MError::new(kind::INVCMD)
                .detail("BREAK with an argument is not supported by minim"));
        }
        Word::Other(name) => CmdKind::Unsupported(name),
        Word::ZContinue | Word::Else | Word::Halt | Word::Tcommit | Word::Trestart => {
            return Err(MError::new(kind::SPOREOL));
        }
    })
}

fn argumentless(w: Word) -> Result<CmdKind, MError> {
    Ok(match w {
        Word::Kill => CmdKind::Kill(None),
        Word::New => CmdKind::New(None),
        Word::If => CmdKind::If(Vec::new()),
        Word::Else => CmdKind::Else,
        Word::For => CmdKind::For(None),
        Word::Do => CmdKind::Do(Vec::new()),
        Word::Quit => CmdKind::Quit(None),
        Word::H | Word::Halt => CmdKind::Halt,
        Word::ZHalt => CmdKind::ZHalt(None),
        Word::ZSystem => CmdKind::ZSystem(None),
        Word::ZWrite => CmdKind::ZWrite(None),
        Word::ZGoto => CmdKind::ZGoto(None),
        Word::ZShow => CmdKind::ZShow(None),
        Word::Lock => CmdKind::Lock(None),
        Word::ZDeallocate => CmdKind::ZDeallocate(None),
        Word::Tstart => CmdKind::Tstart(None),
        Word::Tcommit => CmdKind::Tcommit,
        Word::Trollback => CmdKind::Trollback(None),
        Word::Trestart => CmdKind::Trestart,
        Word::Break => CmdKind::Break,
        Word::ZContinue => CmdKind::ZContinue,
        // GT.M: ZSTEP alone steps as the last ZSTEP did, OVER at first.
        Word::ZStep => CmdKind::ZStep(StepKind::Over),
        Word::ZPrint => CmdKind::ZPrint(None),
        Word::Other(name) => CmdKind::Unsupported(name),
        _ => return Err(MError::new(kind::EXPR)),
    })
}
