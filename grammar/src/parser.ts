// The concrete-syntax parser: one singleton Chevrotain CstParser with error recovery.
// Rules are class properties, as Chevrotain recommends; the CST is turned into the typed
// AST by ast-builder.ts.
import { CstParser, IToken, TokenType } from 'chevrotain';
import { type RecoveryState, ResyncSearch } from './parser-resync.js';
import { cachedFollows, type RecoveryStacks } from './parser-follows.js';
import { type ErrorRaising, raiseEarlyExit, raiseNoViableAlt } from './parser-alt-errors.js';
import * as t from './lexer.js';
import { MAX_RECOVERIES, RecoveryLimit } from './limits.js';

export const statementFieldKeywords = new Set<TokenType>([
  t.Text, t.Basis, t.Strength, t.Certainty, t.Agreement, t.Votes, t.EndorsedStrong,
  t.Cites, t.Section, t.Rationale, t.Status, t.Kind, t.Voters, t.Remark, t.History,
]);

/** The two level lists of a `grading` block; a level is never one of these words. */
export const gradingListKeywords = new Set<TokenType>([t.Strength, t.Certainty]);

class GuidelineCstParser extends CstParser {
  constructor() {
    super(t.allTokens, { recoveryEnabled: true, maxLookahead: 3, nodeLocationTracking: 'onlyOffset' });
    this.performSelfAnalysis();
  }

  // The alternatives of the rules met most often are built once, not on every call: a new
  // array of closures per token was most of the parser's garbage.
  private readonly declarations = [
    { ALT: () => this.SUBRULE(this.guidelineHeader) },
    { ALT: () => this.SUBRULE(this.useDecl) },
    { ALT: () => this.SUBRULE(this.enumDecl) },
    { ALT: () => this.SUBRULE(this.attributeDecl) },
    { ALT: () => this.SUBRULE(this.interventionDecl) },
    { ALT: () => this.SUBRULE(this.referenceDecl) },
    { ALT: () => this.SUBRULE(this.statementDecl) },
    { ALT: () => this.SUBRULE(this.caseDecl) },
    { ALT: () => this.SUBRULE(this.decisionDecl) },
    { ALT: () => this.SUBRULE(this.gradingDecl) },
    { ALT: () => this.SUBRULE(this.assumeDecl) },
  ];

  public file = this.RULE('file', () => {
    this.MANY(() => {
      this.OR(this.declarations);
    });
  });

  /** `assume EXPR`: a fact about every patient. */
  private assumeDecl = this.RULE('assumeDecl', () => {
    this.CONSUME(t.Assume);
    this.SUBRULE(this.impliesExpr);
  });

  private guidelineHeader = this.RULE('guidelineHeader', () => {
    this.CONSUME(t.Guideline);
    this.CONSUME(t.Name);
    this.CONSUME(t.LBrace);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.titleField) },
        { ALT: () => this.SUBRULE(this.doiField) },
        { ALT: () => this.SUBRULE(this.panelBlock) },
        { ALT: () => this.SUBRULE(this.gradingSelect) },
      ]);
    });
    this.CONSUME(t.RBrace);
  });

  private titleField = this.RULE('titleField', () => {
    this.CONSUME(t.Title);
    this.SUBRULE(this.string);
  });

  private doiField = this.RULE('doiField', () => {
    this.CONSUME(t.Doi);
    this.SUBRULE(this.string);
  });

  /** `grading acc_aha` in the header: the scheme the statements' levels come from. */
  private gradingSelect = this.RULE('gradingSelect', () => {
    this.CONSUME(t.Grading);
    this.CONSUME(t.Name);
  });

  /** `grading NAME "title" { strength I strong, ... certainty A high, ... }` */
  private gradingDecl = this.RULE('gradingDecl', () => {
    this.CONSUME(t.Grading);
    this.CONSUME(t.Name);
    this.OPTION(() => this.SUBRULE(this.string));
    this.CONSUME(t.LBrace);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.gradingStrengths) },
        { ALT: () => this.SUBRULE(this.gradingCertainties) },
      ]);
    });
    this.CONSUME(t.RBrace);
  });

  private gradingStrengths = this.RULE('gradingStrengths', () => {
    this.CONSUME(t.Strength);
    this.SUBRULE(this.gradingLevels);
  });

  private gradingCertainties = this.RULE('gradingCertainties', () => {
    this.CONSUME(t.Certainty);
    this.SUBRULE(this.gradingLevels);
  });

  /** Possibly empty, so an empty list is reported by the checker rather than as a syntax error. */
  private gradingLevels = this.RULE('gradingLevels', () => {
    this.OPTION({
      GATE: () => this.gradingLevelAhead(),
      DEF: () => {
        this.SUBRULE(this.gradingLevel);
        this.MANY(() => {
          this.CONSUME(t.Comma);
          this.SUBRULE2(this.gradingLevel);
        });
      },
    });
  });

  /** A level of the scheme and the GRADE word it means; a missing word is the checker's to report. */
  private gradingLevel = this.RULE('gradingLevel', () => {
    this.SUBRULE(this.label, { LABEL: 'level' });
    this.OPTION({ GATE: () => this.gradingLevelAhead(), DEF: () => this.CONSUME(t.Name, { LABEL: 'grade' }) });
  });

  private panelBlock = this.RULE('panelBlock', () => {
    this.CONSUME(t.Panel);
    this.CONSUME(t.LBrace);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.votersField) },
        { ALT: () => this.SUBRULE(this.agreeField) },
        { ALT: () => this.SUBRULE(this.consensusField) },
        { ALT: () => this.SUBRULE(this.strongField) },
      ]);
    });
    this.CONSUME(t.RBrace);
  });

  private votersField = this.RULE('votersField', () => {
    this.CONSUME(t.Voters);
    // A sign is accepted here so `voters -3` gets the checker's precise message.
    this.OPTION(() => this.CONSUME(t.Minus));
    this.CONSUME(t.NumberLiteral);
  });

  private agreeField = this.RULE('agreeField', () => {
    this.CONSUME(t.Agree);
    this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.CONSUME(t.Name) });
  });

  private consensusField = this.RULE('consensusField', () => {
    this.CONSUME(t.Consensus);
    this.SUBRULE(this.percentage);
  });

  private strongField = this.RULE('strongField', () => {
    this.CONSUME(t.Strong);
    this.SUBRULE(this.percentage);
  });

  private percentage = this.RULE('percentage', () => {
    this.CONSUME(t.NumberLiteral);
    this.CONSUME(t.PercentSign);
  });

  private useDecl = this.RULE('useDecl', () => {
    this.CONSUME(t.Use);
    this.SUBRULE(this.string);
  });

  private enumDecl = this.RULE('enumDecl', () => {
    this.CONSUME(t.Enum);
    this.CONSUME(t.Name);
    this.OPTION(() => this.SUBRULE(this.string));
    this.CONSUME(t.LBrace);
    // A member may carry its own description (`CR "Complete response"`), read in branch
    // labels and hovers; the builder pairs each one with the member just before it.
    this.MANY_SEP({
      SEP: t.Comma,
      DEF: () => {
        this.CONSUME2(t.Name, { LABEL: 'members' });
        this.OPTION2(() => this.SUBRULE2(this.string, { LABEL: 'memberDescriptions' }));
      },
    });
    this.CONSUME(t.RBrace);
  });

  private attributeDecl = this.RULE('attributeDecl', () => {
    this.CONSUME(t.Attribute);
    this.CONSUME(t.Name);
    this.CONSUME(t.Colon);
    this.SUBRULE(this.typeRef);
    this.OPTION2(() => {
      this.CONSUME(t.MolarMass);
      this.CONSUME(t.NumberLiteral);
    });
    this.OPTION(() => this.SUBRULE(this.string));
  });

  private typeRef = this.RULE('typeRef', () => {
    this.CONSUME(t.Name);
    this.OPTION(() => {
      this.CONSUME(t.Unit);
      this.SUBRULE(this.string);
    });
  });

  private interventionDecl = this.RULE('interventionDecl', () => {
    this.CONSUME(t.Intervention);
    this.CONSUME(t.Name);
    this.OPTION(() => this.SUBRULE(this.string));
  });

  private referenceDecl = this.RULE('referenceDecl', () => {
    this.CONSUME(t.Reference);
    this.SUBRULE(this.label);
    this.OPTION(() => this.SUBRULE(this.string));
    this.OPTION2(() => this.SUBRULE(this.doiField));
    this.OPTION3(() => {
      this.CONSUME(t.Pmid);
      this.SUBRULE2(this.label, { LABEL: 'pmid' });
    });
  });

  /** A reference label: a number or a name. */
  private label = this.RULE('label', () => {
    this.OR([{ ALT: () => this.CONSUME(t.NumberLiteral) }, { ALT: () => this.CONSUME(t.Name) }]);
  });

  private statementDecl = this.RULE('statementDecl', () => {
    this.CONSUME(t.Statement);
    this.CONSUME(t.Name);
    this.OPTION(() => this.SUBRULE(this.string));
    this.CONSUME(t.LBrace);
    this.MANY(() => {
      this.OR(this.statementFields);
    });
    this.CONSUME(t.RBrace);
  });

  private readonly statementFields = [
    { ALT: () => this.SUBRULE(this.textField) },
    { ALT: () => this.SUBRULE(this.basisField) },
    { ALT: () => this.SUBRULE(this.strengthField) },
    { ALT: () => this.SUBRULE(this.certaintyField) },
    { ALT: () => this.SUBRULE(this.agreementField) },
    { ALT: () => this.SUBRULE(this.votesField) },
    { ALT: () => this.SUBRULE(this.endorsedStrongField) },
    { ALT: () => this.SUBRULE(this.citesField) },
    { ALT: () => this.SUBRULE(this.sectionField) },
    { ALT: () => this.SUBRULE(this.rationaleField) },
    { ALT: () => this.SUBRULE(this.statusField) },
    { ALT: () => this.SUBRULE(this.kindField) },
    { ALT: () => this.SUBRULE(this.votersField) },
    { ALT: () => this.SUBRULE(this.remarkField) },
    { ALT: () => this.SUBRULE(this.historyField) },
    { ALT: () => this.SUBRULE(this.ruleDecl) },
  ];

  private textField = this.RULE('textField', () => {
    this.CONSUME(t.Text);
    this.SUBRULE(this.string);
  });
  private basisField = this.RULE('basisField', () => {
    this.CONSUME(t.Basis);
    this.SUBRULE(this.fieldValue);
  });
  private strengthField = this.RULE('strengthField', () => {
    this.CONSUME(t.Strength);
    this.SUBRULE(this.fieldValue);
  });
  private certaintyField = this.RULE('certaintyField', () => {
    this.CONSUME(t.Certainty);
    this.SUBRULE(this.fieldValue);
  });
  private readonly fieldValues = [
    { GATE: () => !statementFieldKeywords.has(this.LA(1).tokenType), ALT: () => this.CONSUME(t.Name) },
    { ALT: () => this.CONSUME(t.NumberLiteral) },
  ];
  /**
   * A field's value word, which is never the keyword of the next field (`strength certainty low`).
   * A number is a value too: a grading scheme's levels may be numbered (`strength 1`).
   */
  private fieldValue = this.RULE('fieldValue', () => {
    this.OR(this.fieldValues);
  });
  private agreementField = this.RULE('agreementField', () => {
    this.CONSUME(t.Agreement);
    this.SUBRULE(this.percentage);
  });
  private votesField = this.RULE('votesField', () => {
    this.CONSUME(t.Votes);
    this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.vote) });
  });
  private vote = this.RULE('vote', () => {
    this.CONSUME(t.Name);
    this.CONSUME(t.NumberLiteral);
  });
  private endorsedStrongField = this.RULE('endorsedStrongField', () => {
    this.CONSUME(t.EndorsedStrong);
    this.SUBRULE(this.percentage);
  });
  private citesField = this.RULE('citesField', () => {
    this.CONSUME(t.Cites);
    this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.citeItem) });
  });
  private citeItem = this.RULE('citeItem', () => {
    this.SUBRULE(this.label);
    this.OPTION(() => {
      this.CONSUME(t.Minus);
      this.SUBRULE2(this.label, { LABEL: 'to' });
    });
  });
  private sectionField = this.RULE('sectionField', () => {
    this.CONSUME(t.Section);
    this.SUBRULE(this.string);
  });
  private rationaleField = this.RULE('rationaleField', () => {
    this.CONSUME(t.Rationale);
    this.SUBRULE(this.string);
  });
  private statusField = this.RULE('statusField', () => {
    this.CONSUME(t.Status);
    this.SUBRULE(this.fieldValue);
  });
  private kindField = this.RULE('kindField', () => {
    this.CONSUME(t.Kind);
    this.SUBRULE(this.fieldValue);
  });
  private remarkField = this.RULE('remarkField', () => {
    this.CONSUME(t.Remark);
    this.SUBRULE(this.string);
  });
  /** `history revised "Downgraded from strong to weak"`: what changed since the last edition. */
  private historyField = this.RULE('historyField', () => {
    this.CONSUME(t.History);
    this.SUBRULE(this.fieldValue);
    this.OPTION(() => this.SUBRULE(this.string));
  });

  private ruleDecl = this.RULE('ruleDecl', () => {
    this.CONSUME(t.Rule);
    this.CONSUME(t.Name);
    this.OPTION(() => {
      this.CONSUME(t.Overrides);
      this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.CONSUME2(t.Name, { LABEL: 'overridden' }) });
    });
    // A rule's own grading, which overrides its statement's for this rule.
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.strengthField) },
        { ALT: () => this.SUBRULE(this.certaintyField) },
      ]);
    });
    this.CONSUME(t.When);
    this.SUBRULE(this.impliesExpr);
    this.CONSUME(t.Then);
    this.SUBRULE(this.action);
  });

  private action = this.RULE('action', () => {
    this.OR([{ ALT: () => this.CONSUME(t.Recommend) }, { ALT: () => this.CONSUME(t.Suggest) }]);
    this.OPTION(() => this.CONSUME(t.Against));
    this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.CONSUME(t.Name) });
    this.OPTION2(() => {
      this.CONSUME(t.Over);
      this.AT_LEAST_ONE_SEP2({ SEP: t.Comma, DEF: () => this.CONSUME2(t.Name, { LABEL: 'over' }) });
    });
    this.OPTION3(() => this.SUBRULE(this.timing));
  });

  /** `within 1 hour`, `after 4 hours`, `between 1 and 3 hours`. */
  private timing = this.RULE('timing', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.Within);
          this.SUBRULE(this.quantity, { LABEL: 'within' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.After);
          this.SUBRULE2(this.quantity, { LABEL: 'after' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Between);
          this.SUBRULE3(this.quantity, { LABEL: 'low' });
          this.CONSUME(t.And);
          this.SUBRULE4(this.quantity, { LABEL: 'high' });
        },
      },
    ]);
  });

  /** `a implies b`: the loosest operator, right-associative; a loop, so long chains cannot overflow the stack. */
  private impliesExpr = this.RULE('impliesExpr', () => {
    this.SUBRULE(this.orExpr);
    this.MANY(() => {
      this.CONSUME(t.Implies);
      this.SUBRULE2(this.orExpr);
    });
  });

  private readonly orWords = [{ ALT: () => this.CONSUME(t.Or) }, { ALT: () => this.CONSUME(t.SymbolicOr) }];
  private readonly andWords = [{ ALT: () => this.CONSUME(t.And) }, { ALT: () => this.CONSUME(t.SymbolicAnd) }];
  private readonly notWords = [{ ALT: () => this.CONSUME(t.Not) }, { ALT: () => this.CONSUME(t.SymbolicNot) }];
  private readonly negatables = [
    { ALT: () => this.SUBRULE(this.parenExpr) },
    { ALT: () => this.SUBRULE(this.condition) },
  ];

  private orExpr = this.RULE('orExpr', () => {
    this.SUBRULE(this.andExpr);
    this.MANY(() => {
      this.OR(this.orWords);
      this.SUBRULE2(this.andExpr);
    });
  });

  private andExpr = this.RULE('andExpr', () => {
    this.SUBRULE(this.notExpr);
    this.MANY(() => {
      this.OR(this.andWords);
      this.SUBRULE2(this.notExpr);
    });
  });

  /** `not` repeats in a loop, not by recursion, so `not not ... x` cannot overflow the stack. */
  private notExpr = this.RULE('notExpr', () => {
    this.MANY(() => this.OR2(this.notWords));
    this.OR(this.negatables);
  });

  private parenExpr = this.RULE('parenExpr', () => {
    this.CONSUME(t.LParen);
    this.SUBRULE(this.impliesExpr);
    this.CONSUME(t.RParen);
  });

  private condition = this.RULE('condition', () => {
    this.CONSUME(t.Name);
    this.OPTION(() => {
      this.OR(this.conditionTails);
    });
  });

  /** What may follow the attribute of a condition: a comparison, `in { ... }` or `between`. */
  private readonly conditionTails = [
    {
      ALT: () => {
        this.SUBRULE(this.compareOp);
        this.SUBRULE(this.value);
      },
    },
    {
      ALT: () => {
        this.CONSUME(t.In);
        this.CONSUME(t.LBrace);
        // A field keyword that starts the next line (`section "x"`) is not a member of a
        // half-typed set: stop there, so the error is the missing `}` and nothing after it.
        this.OPTION2({
          GATE: () => this.setMemberAhead(1),
          DEF: () => {
            this.SUBRULE2(this.value, { LABEL: 'members' });
            this.MANY2({
              GATE: () => this.setMemberAhead(2),
              DEF: () => {
                this.CONSUME(t.Comma);
                this.SUBRULE5(this.value, { LABEL: 'members' });
              },
            });
          },
        });
        this.CONSUME(t.RBrace);
      },
    },
    {
      ALT: () => {
        this.CONSUME(t.Between);
        this.SUBRULE3(this.value, { LABEL: 'low' });
        this.CONSUME(t.And);
        this.SUBRULE4(this.value, { LABEL: 'high' });
      },
    },
  ];

  private readonly compareOps = [
    { ALT: () => this.CONSUME(t.Equals) },
    { ALT: () => this.CONSUME(t.NotEquals) },
    { ALT: () => this.CONSUME(t.LessEq) },
    { ALT: () => this.CONSUME(t.GreaterEq) },
    { ALT: () => this.CONSUME(t.Less) },
    { ALT: () => this.CONSUME(t.Greater) },
  ];
  private compareOp = this.RULE('compareOp', () => {
    this.OR(this.compareOps);
  });

  private readonly values = [
    { ALT: () => this.CONSUME(t.True) },
    { ALT: () => this.CONSUME(t.False) },
    { ALT: () => this.SUBRULE(this.quantity) },
    { ALT: () => this.CONSUME(t.Name) },
  ];
  private value = this.RULE('value', () => {
    this.OR(this.values);
  });

  private readonly units = [
    { ALT: () => this.CONSUME(t.PercentSign) },
    { ALT: () => this.SUBRULE(this.string) },
    // A unit word (years, weeks, ...): a plain identifier, never a keyword that
    // starts the next field, nor the name that starts the next `x = ...`.
    { GATE: () => this.unitWordAhead(), ALT: () => this.CONSUME(t.Identifier) },
  ];
  private quantity = this.RULE('quantity', () => {
    this.OPTION(() => this.CONSUME(t.Minus));
    this.CONSUME(t.NumberLiteral);
    this.OPTION2(() => {
      this.OR(this.units);
    });
  });

  private caseDecl = this.RULE('caseDecl', () => {
    this.CONSUME(t.Case);
    this.SUBRULE(this.string);
    this.CONSUME(t.LBrace);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.givenField) },
        { ALT: () => this.SUBRULE(this.expectField) },
      ]);
    });
    this.CONSUME(t.RBrace);
  });

  private givenField = this.RULE('givenField', () => {
    this.CONSUME(t.Given);
    this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.assignment) });
  });

  private assignment = this.RULE('assignment', () => {
    this.CONSUME(t.Name);
    this.CONSUME(t.Equals);
    this.SUBRULE(this.value);
  });

  private expectField = this.RULE('expectField', () => {
    this.CONSUME(t.Expect);
    this.OR([
      { ALT: () => this.CONSUME(t.Nothing) },
      {
        ALT: () => {
          this.OPTION(() => this.CONSUME(t.Only));
          this.OPTION2(() => this.CONSUME(t.Not));
          this.SUBRULE(this.action);
        },
      },
    ]);
  });

  private decisionDecl = this.RULE('decisionDecl', () => {
    this.CONSUME(t.Decision);
    this.CONSUME(t.Name);
    this.OPTION(() => this.SUBRULE(this.string));
    this.CONSUME(t.LBrace);
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(t.Ask);
            this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.CONSUME2(t.Name, { LABEL: 'asked' }) });
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Where);
            this.SUBRULE(this.impliesExpr, { LABEL: 'where' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.From);
            this.AT_LEAST_ONE_SEP2({ SEP: t.Comma, DEF: () => this.CONSUME3(t.Name, { LABEL: 'from' }) });
          },
        },
      ]);
    });
    this.CONSUME(t.RBrace);
  });

  private readonly strings = [
    { ALT: () => this.CONSUME(t.StringLiteral) },
    { ALT: () => this.CONSUME(t.TripleString) },
    { ALT: () => this.CONSUME(t.UnterminatedString) },
    { ALT: () => this.CONSUME(t.UnterminatedTripleString) },
  ];
  private string = this.RULE('string', () => {
    this.OR(this.strings);
  });

  /** The token at `k` is a set member, not a statement field keyword starting its field. */
  private setMemberAhead(k: number): boolean {
    if (!statementFieldKeywords.has(this.LA(k).tokenType)) return true;
    const next = this.LA(k + 1).tokenType;
    return next === t.Comma || next === t.RBrace;
  }

  /** The token ahead can be a grading level or GRADE word: not the keyword of the next list. */
  private gradingLevelAhead(): boolean {
    const next = this.LA(1).tokenType;
    return !gradingListKeywords.has(next) && next !== t.RBrace;
  }

  private readonly resync = new ResyncSearch();

  /** Errors past which the parse stops reading (none for the second read of a prefix). */
  recoveryLimit = MAX_RECOVERIES;

  /** Where to resume after an error: Chevrotain's answer, found faster (parser-resync.ts). */
  findReSyncTokenType(): TokenType {
    if (this.errors.length >= this.recoveryLimit) throw new RecoveryLimit(this.LA(1));
    return this.resync.find(this as unknown as RecoveryState);
  }

  /** A new input: what the search kept belongs to the last one. */
  resetResync(): void {
    this.resync.reset();
  }

  /** What may follow at an error, for in-rule recovery: Chevrotain's answer, kept (parser-follows.ts). */
  getFollowsForInRuleRecovery(tokType: TokenType, tokIdxInRule: number): TokenType[] {
    return cachedFollows(this as unknown as RecoveryStacks, tokType, tokIdxInRule);
  }

  /** An error where no alternative fits: Chevrotain's, with the grammar's paths kept (parser-alt-errors.ts). */
  raiseNoAltException(occurrence: number, description: string | undefined): never {
    raiseNoViableAlt(this as unknown as ErrorRaising, occurrence, description);
  }

  /** An error where a repetition needs at least one: the same, kept. */
  raiseEarlyExitException(occurrence: number, prodType: number, description: string | undefined): never {
    raiseEarlyExit(this as unknown as ErrorRaising, occurrence, prodType, description);
  }

  /** A unit word follows a number only when it is not itself the start of `x = ...`. */
  private unitWordAhead(): boolean {
    const next = this.LA(2).tokenType;
    return next !== t.Equals && next !== t.Colon;
  }
}

export const cstParser = new GuidelineCstParser();

export type { TokenType };
