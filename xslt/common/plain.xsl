<?xml version="1.0" encoding="UTF-8"?>
<!--
  plain.xsl: the reading text as plain text, shared by text.xsl and json.xsl.

  Two steps, both on strings: in SaxonJS a temporary tree, built and then
  walked again, cost several times what one walk over the TEI costs.

  1. Mode m:plain walks the TEI once and writes one string, "marked": the
     text, with private marks (Unicode noncharacters, which no text
     contains) where the structure is:
       boundaries     a block's start and end, an embedded text's
                      (floatingText) start and end, and the edges of a name
                      or lemma that holds a block (such a wrapper is dropped);
       spans          around names (type, @ref) and lemmas (id), for the
                      JSON's offsets;
       note markers   '[n]' with the note's id: text in the .txt file, a
                      point in the JSON text;
       other markers  '⟨hand: Stalin⟩ ', ' ⟨p. 5⟩ ', an orphan anchor's
                      '[n]': text in the .txt file only.
     Interventions print as the plain-text conventions say (the legend of
     the text file, f:text-marks-legend in text.xsl, explains them): the
     source's form first, and every editorial addition in one mark of its
     own, ⟨…⟩, which the compilers of the source never use: choice
     'Pre ⟨Chairman⟩', '21/ПІ ⟨III⟩'; sic 'x ⟨sic⟩'; supplied and gap
     '⟨1920⟩', '⟨...⟩', but the compilers' own (@resp pointing at
     #compilers, f:by-compilers) in their square brackets as printed,
     '[1920]', '[...]'; the numbers of this edition's notes '⟨e1⟩', the
     source's '[1]'; a choice whose reading is empty 'mit{t}i'; del ⟦…⟧, add ⌜…⌝
     ('⟦aus⟧⌜in⌝'), unclear 'vielleicht⟨?⟩'; quoted words (q, mentioned, soCalled) in
     quotation marks, “…”, ‘…’ inside others.
  2. Functions read the marked string: f:plain-lines (the .txt file:
     markers kept), f:plain-json (the JSON: markers dropped, offsets of
     names, lemmas and note markers), f:plain-line and f:plain-text for
     short texts.

  A paragraph is the text between two boundaries: a block's text before,
  between and after the blocks it holds is a paragraph of its own, at the
  block's depth (the number of embedded texts it is in). Whitespace
  collapses as a browser would: a run of whitespace (across marks) becomes
  one space, none at a paragraph's edges; empty paragraphs are left out.

  Kept lean for SaxonJS (see "Per-letter cost in SaxonJS" in README.md):
  one mode; rules by element name; no rule that every node is tested
  against but `*[@xml:id and $fp:any-targets]`; no tunnel parameters;
  facts of a document (notes' numbers and ids, whether notes point at
  elements) worked out once (fp:note-facts).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:m="urn:edition:modes"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!--
    The marks (character references, so the file shows which):
      boundaries   &#xFDD0; block start   &#xFDD1; block end
                   &#xFDD2; start and &#xFDD3; end of a dropped name or lemma
                   &#xFDD4; embedded text's start   &#xFDD5; its end
      spans        &#xFDD6; name: type [&#xFDEF; ref] &#xFDD8;
                   &#xFDD7; lemma: id &#xFDD8;    &#xFDD9; end of either
      markers      &#xFDDA; note marker: id &#xFDDB; [n] &#xFDDC;
                   &#xFDDD; marker of the .txt file only: text &#xFDDE;
      &#xFDEE; stands for a space in a type, ref or id.
      &#xFDE0; and &#xFDE1;: whitespace to take off, by word-joining breaks
      (fp:join-marks).
      &#xFDE2; (in a marker of the .txt file): a line break of the .txt
      file (between an address's lines).
  -->

  <!-- TEI to the marked string. Text is copied; elements without a rule below give their content. -->
  <xsl:mode name="m:plain" on-no-match="text-only-copy"/>

  <!-- ===== Step 1: TEI to the marked string ===== -->

  <!--
    Blocks, by (local) name: the names f:is-block (html/functions.xsl) says
    are blocks, but teiHeader, which is silent, and bibl, quote and the like
    where f:is-block makes them blocks. Keep the two in step.
  -->
  <xsl:template match="*:TEI | *:teiCorpus | *:text | *:group | *:front | *:body | *:back | *:floatingText
                       | *:div | *:div1 | *:div2 | *:div3 | *:div4 | *:div5 | *:div6 | *:div7 | *:divGen
                       | *:p | *:ab | *:head | *:opener | *:closer | *:dateline | *:salute | *:signed | *:postscript
                       | *:byline | *:argument | *:epigraph | *:trailer | *:docTitle | *:titlePart | *:docDate
                       | *:docAuthor | *:docImprint | *:docEdition | *:titlePage | *:imprimatur
                       | *:list | *:item | *:listBibl | *:lg | *:l | *:sp | *:speaker | *:castList | *:castItem
                       | *:table | *:row | *:figure | *:listPerson | *:listPlace | *:listOrg | *:listEvent | *:listWit
                       | *:person | *:personGrp | *:place | *:org | *:event | *:witness
                       | *:fileDesc | *:titleStmt | *:editionStmt | *:extent | *:publicationStmt
                       | *:seriesStmt | *:notesStmt | *:sourceDesc | *:encodingDesc | *:projectDesc | *:samplingDecl
                       | *:editorialDecl | *:correction | *:normalization | *:quotation | *:hyphenation
                       | *:segmentation | *:interpretation | *:punctuation | *:stdVals | *:refsDecl | *:classDecl
                       | *:tagsDecl | *:profileDesc | *:langUsage | *:language | *:textClass | *:correspDesc
                       | *:correspAction | *:correspContext | *:particDesc | *:settingDesc | *:revisionDesc
                       | *:change | *:listChange | *:availability | *:licence | *:respStmt | *:msDesc
                       | *:msIdentifier | *:msContents | *:msItem | *:physDesc | *:objectDesc | *:handDesc
                       | *:handNote | *:history | *:additional
                       | *:bibl[parent::*[local-name() = ('listBibl', 'sourceDesc', 'body', 'front', 'back', 'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'postscript', 'floatingText', 'opener', 'closer', 'figure')]]
                       | *:biblStruct[parent::*[local-name() = ('listBibl', 'sourceDesc', 'body', 'front', 'back', 'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'postscript', 'floatingText', 'opener', 'closer', 'figure')]]
                       | *:biblFull[parent::*[local-name() = ('listBibl', 'sourceDesc', 'body', 'front', 'back', 'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'postscript', 'floatingText', 'opener', 'closer', 'figure')]]
                       | *:quote[parent::*[local-name() = ('body', 'front', 'back', 'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'postscript', 'floatingText', 'opener', 'closer', 'figure')]]
                       | *:cit[parent::*[local-name() = ('body', 'front', 'back', 'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'postscript', 'floatingText', 'opener', 'closer', 'figure')]]
                       | *:q[parent::*[local-name() = ('body', 'front', 'back', 'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'postscript', 'floatingText', 'opener', 'closer', 'figure')]]
                       | *:said[parent::*[local-name() = ('body', 'front', 'back', 'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'postscript', 'floatingText', 'opener', 'closer', 'figure')]]
                       | *:label[parent::*[local-name() = ('body', 'front', 'back', 'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'postscript', 'floatingText', 'opener', 'closer', 'figure')]]
                       | *:stage[parent::*[local-name() = ('body', 'front', 'back', 'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'postscript', 'floatingText', 'opener', 'closer', 'figure')]]"
                mode="m:plain" priority="-0.25">
    <xsl:text>&#xFDD0;</xsl:text>
    <xsl:apply-templates mode="m:plain"/>
    <xsl:text>&#xFDD1;</xsl:text>
  </xsl:template>

  <!--
    An address or envelope without a head of its own: a block headed '⟨Address⟩' ('⟨Envelope⟩'),
    a line of the .txt file only (the page heads it too, html/text.xsl).
  -->
  <xsl:template match="div[@type = ('address', 'envelope')][empty(head)]" mode="m:plain">
    <xsl:text>&#xFDD0;&#xFDD0;&#xFDDD;⟨</xsl:text>
    <xsl:value-of select="f:division-label(.)"/>
    <xsl:text>⟩&#xFDDE;&#xFDD1;</xsl:text>
    <xsl:apply-templates mode="m:plain"/>
    <xsl:text>&#xFDD1;</xsl:text>
  </xsl:template>

  <!-- An embedded text: a block, and what it holds one level deeper. -->
  <xsl:template match="floatingText" mode="m:plain">
    <xsl:text>&#xFDD4;</xsl:text>
    <xsl:apply-templates mode="m:plain"/>
    <xsl:text>&#xFDD5;</xsl:text>
  </xsl:template>

  <!--
    Not reading text: the elements without reading text of their own and
    the parts printed elsewhere (common/layout.xsl, for the page too);
    pointers and media have no words.
  -->
  <xsl:template match="graphic | media | binaryObject | ptr" mode="m:plain" priority="0.5"/>

  <!--
    No reading text: the letter's own index of what it names in its back
    (listPerson … listBibl; html/text.xsl lists it on the page).
  -->
  <xsl:template match="back/listPerson | back/listPlace | back/listOrg | back/listEvent | back/listBibl"
                mode="m:plain" priority="30"/>

  <!--
    Indentation inside an element that holds only elements is not text:
    'opera<subst> <del>e</del> <add>urum</add> </subst>' reads 'operaurum'.
    (choice and app give only their children's content, rdgGrp is silent.)
    html/text.xsl reads subst the same way.
  -->
  <xsl:template match="subst | substJoin" mode="m:plain">
    <xsl:apply-templates select="node()[not(self::text()[normalize-space(.) = ''])]" mode="m:plain"/>
  </xsl:template>

  <!--
    An element a note points at (not an anchor): its content, then the note
    markers; for a block, inside it, at the end of its last paragraph
    (fp:insert-markers). Only when some note points at all.
  -->
  <xsl:template match="*[@xml:id and $fp:any-targets]" mode="m:plain" priority="20">
    <xsl:variable name="notes" as="element(note)*"
      select="if (self::anchor or self::note or self::handShift) then () else f:notes-at(.)"/>
    <xsl:choose>
      <xsl:when test="empty($notes)">
        <xsl:next-match/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="rendered" as="xs:string">
          <xsl:value-of>
            <xsl:next-match/>
          </xsl:value-of>
        </xsl:variable>
        <xsl:value-of select="fp:add-markers($rendered, fp:note-markers($notes))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="anchor" mode="m:plain">
    <xsl:variable name="notes" as="element(note)*" select="if ($fp:any-targets) then f:notes-at(.) else ()"/>
    <xsl:choose>
      <xsl:when test="exists($notes)">
        <xsl:value-of select="fp:note-markers($notes)"/>
      </xsl:when>
      <!-- An orphan anchor (f:is-orphan-anchor): its number in the .txt file, no point in the JSON. -->
      <xsl:when test="normalize-space(@n) != ''">
        <xsl:value-of select="concat('&#xFDDD;[', normalize-space(@n), ']&#xFDDE;')"/>
      </xsl:when>
    </xsl:choose>
    <!-- An anchor is empty in TEI, but some editions write words in it (anchor type="label"): they are text. -->
    <xsl:apply-templates mode="m:plain"/>
  </xsl:template>

  <!-- A note in the text: a marker where it stands (its content goes to the notes). -->
  <xsl:template match="note" mode="m:plain">
    <xsl:choose>
      <!-- f:is-inline-note; without @target it points at nothing. -->
      <xsl:when test="if (@target) then f:is-inline-note(.) else (empty(ancestor::back) and exists(ancestor::text))">
        <xsl:value-of select="fp:note-markers(.)"/>
      </xsl:when>
      <xsl:when test="empty(ancestor::text)">
        <xsl:apply-templates mode="m:plain"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="lb | cb" mode="m:plain">
    <xsl:value-of select="if (@break = 'no') then fp:join-marks(., '') else ' '"/>
  </xsl:template>

  <xsl:template match="pb" mode="m:plain">
    <xsl:variable name="n" as="xs:string" select="normalize-space(@n)"/>
    <!--
      A page break inside a word ('ein<pb/>mal': the Schnitzler letters never say break="no", and set
      a pb between words with whitespace around it) joins it, as the page does.
    -->
    <xsl:variable name="in-word" as="xs:boolean"
      select="empty(@break) and exists(preceding-sibling::node()[1][self::text()][matches(., '\S$')])
              and exists(following-sibling::node()[1][self::text()][matches(., '^\S')])"/>
    <xsl:value-of select="if (@break = 'no') then fp:join-marks(., if ($n != '') then concat('&#xFDDD;⟨p. ', $n, '⟩&#xFDDE;') else '')
                          else if ($in-word) then (if ($n != '') then concat('&#xFDDD;⟨p. ', $n, '⟩&#xFDDE;') else '')
                          else if ($n != '') then concat('&#xFDDD; ⟨p. ', $n, '⟩ &#xFDDE;')
                          else ' '"/>
  </xsl:template>

  <!-- The parts of a manuscript's identifier (country, settlement, repository, idno …): a block, the parts separated by ', '. -->
  <xsl:template match="msIdentifier" mode="m:plain">
    <xsl:text>&#xFDD0;</xsl:text>
    <xsl:for-each select="*">
      <xsl:if test="position() gt 1">
        <xsl:text>, </xsl:text>
      </xsl:if>
      <xsl:apply-templates select="." mode="m:plain"/>
    </xsl:for-each>
    <xsl:text>&#xFDD1;</xsl:text>
  </xsl:template>

  <!-- Cells of a row: run on, separated by a space. -->
  <xsl:template match="cell" mode="m:plain">
    <xsl:if test="preceding-sibling::*">
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:apply-templates mode="m:plain"/>
  </xsl:template>

  <!--
    Lines of an address: one a line in the .txt file (a line break of the
    .txt file only, &#xFDE2; in a marker, which f:plain-lines makes a
    line break), separated by a space in the JSON.
  -->
  <xsl:template match="addrLine" mode="m:plain">
    <xsl:if test="preceding-sibling::addrLine">
      <xsl:text> &#xFDDD;&#xFDE2;&#xFDDE;</xsl:text>
    </xsl:if>
    <xsl:apply-templates mode="m:plain"/>
  </xsl:template>

  <!--
    Added in the source (add, outside a choice): in ⌜ ⌝, as the legend of the
    text file says; with subst, '⟦aus⟧⌜in⌝'.
  -->
  <xsl:template match="add" mode="m:plain">
    <xsl:text>⌜</xsl:text>
    <xsl:apply-templates mode="m:plain"/>
    <xsl:text>⌝</xsl:text>
  </xsl:template>

  <!-- A reading this edition is not sure of (unclear): the words, then '⟨?⟩', an editorial mark as ⟨sic⟩ is. -->
  <xsl:template match="unclear" mode="m:plain">
    <xsl:apply-templates mode="m:plain"/>
    <xsl:text>⟨?⟩</xsl:text>
  </xsl:template>

  <!--
    An empty ref reads as on the page: with a target to resolve (f:is-empty-ref-target), as f:empty-ref
    says ('am <ref target="1898-05-14"/>.' reads 'am 14 May 1898.', a document of the folder its
    title; one the folder does not hold stays as written, in the editorial mark: 'Brief vom
    ⟨L00237⟩'); any other target (a web address, '#id') as written.
  -->
  <xsl:template match="ref[empty(node())]" mode="m:plain">
    <xsl:variable name="target" as="xs:string" select="string(tokenize(normalize-space(@target), ' ')[1])"/>
    <xsl:variable name="read" as="xs:string*" select="if (f:is-empty-ref-target($target)) then f:empty-ref(.) else ()"/>
    <xsl:value-of select="if (empty($read)) then $target
                          else if ($read[3] = 'unresolved') then concat($read[1], '⟨', $read[2], '⟩')
                          else concat($read[1], $read[2])"/>
  </xsl:template>

  <!--
    A postmark as the page reads it (html/text.xsl): its parts separated by ', ' where the source puts
    nothing but space between them (f:stamp-separator, common/layout.xsl), stamps by '; '.
  -->
  <xsl:template match="stamp" mode="m:plain">
    <xsl:if test="preceding-sibling::stamp">
      <xsl:text>; </xsl:text>
    </xsl:if>
    <xsl:for-each select="node()[normalize-space(.) != '']">
      <xsl:value-of select="f:stamp-separator(.)"/>
      <xsl:apply-templates select="." mode="m:plain"/>
    </xsl:for-each>
  </xsl:template>

  <!-- An empty glyph: its character (f:glyph), else its name in the editorial mark, '⟨glyph: name⟩'. -->
  <xsl:template match="c[empty(node())] | g[empty(node())]" mode="m:plain">
    <xsl:variable name="glyph" as="xs:string?" select="f:glyph(.)"/>
    <xsl:value-of select="if (exists($glyph)) then $glyph else concat('⟨glyph: ', f:glyph-name(.), '⟩')"/>
  </xsl:template>

  <!--
    A letterhead's lines and the parts of a line set left, right or centre (seg type="letterhead",
    seg rend="left|right|center", as the Schnitzler letters write a printed letterhead): each a
    paragraph of its own, as the page sets each on a line of its own (html/text.xsl).
  -->
  <xsl:template match="seg[@type = 'letterhead' or @rend = 'left' or @rend = 'right' or @rend = 'center']" mode="m:plain">
    <xsl:text>&#xFDD0;</xsl:text>
    <xsl:apply-templates mode="m:plain"/>
    <xsl:text>&#xFDD1;</xsl:text>
  </xsl:template>

  <!--
    Paragraphs quoted in running text: no paragraphs of their own, separated by ' / ', as on the
    page (html/text.xsl: quote/p). A quote that is a block (the pattern above) keeps them.
  -->
  <xsl:template match="quote/p | q/p" mode="m:plain">
    <xsl:choose>
      <xsl:when test="contains('|body|front|back|div|div1|div2|div3|div4|div5|div6|div7|postscript|floatingText|opener|closer|figure|', concat('|', local-name(../..), '|'))">
        <xsl:next-match/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="preceding-sibling::p">
          <xsl:text> / </xsl:text>
        </xsl:if>
        <xsl:apply-templates mode="m:plain"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="space" mode="m:plain">
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="supplied" mode="m:plain">
    <xsl:variable name="compilers" as="xs:boolean" select="f:by-compilers(.)"/>
    <xsl:value-of select="if ($compilers) then '[' else '⟨'"/>
    <xsl:apply-templates mode="m:plain"/>
    <xsl:value-of select="if ($compilers) then ']' else '⟩'"/>
  </xsl:template>

  <xsl:template match="gap" mode="m:plain">
    <xsl:value-of select="if (f:by-compilers(.)) then '[...]' else '⟨...⟩'"/>
  </xsl:template>

  <!--
    Quoted words: in quotation marks, single ones inside others; none added
    when the text before already ends in one (a source that types its own).
    A block q is a block (the rule above), without marks.
  -->
  <xsl:template match="q | mentioned | soCalled" mode="m:plain" priority="-0.5">
    <xsl:variable name="marks" as="xs:string*" select="f:quotation-marks(.)"/>
    <xsl:value-of select="$marks[1]"/>
    <xsl:apply-templates mode="m:plain"/>
    <xsl:value-of select="$marks[2]"/>
  </xsl:template>

  <xsl:template match="del" mode="m:plain">
    <xsl:text>⟦</xsl:text>
    <xsl:apply-templates mode="m:plain"/>
    <xsl:text>⟧</xsl:text>
  </xsl:template>

  <!-- surplus: in the source, taken out by the editors: in braces (Leiden), as a choice with an empty reading. -->
  <xsl:template match="surplus" mode="m:plain">
    <xsl:text>{</xsl:text>
    <xsl:apply-templates mode="m:plain"/>
    <xsl:text>}</xsl:text>
  </xsl:template>

  <xsl:template match="sic[not(parent::choice)]" mode="m:plain">
    <xsl:apply-templates mode="m:plain"/>
    <xsl:text> ⟨sic⟩</xsl:text>
  </xsl:template>

  <!--
    choice: the source's form first, then the editors' reading in the
    editorial mark: 'Pre ⟨Chairman⟩', '21/ПІ ⟨III⟩'. More than one source
    form: separated by ' / '. An empty reading (the editors take the
    source's letters out) puts the source's form in braces, as the Leiden
    convention marks superfluous letters: 'mit{t}i'.
  -->
  <xsl:template match="choice" mode="m:plain">
    <xsl:variable name="reading" as="element()?" select="f:choice-reading(.)"/>
    <xsl:variable name="sources" as="element()*" select="f:choice-sources(.)"/>
    <xsl:variable name="taken-out" as="xs:boolean" select="exists($reading) and exists($sources) and normalize-space(string($reading)) = ''"/>
    <xsl:if test="$taken-out">
      <xsl:text>{</xsl:text>
    </xsl:if>
    <xsl:for-each select="$sources">
      <xsl:if test="position() gt 1">
        <xsl:text> / </xsl:text>
      </xsl:if>
      <xsl:apply-templates mode="m:plain"/>
    </xsl:for-each>
    <xsl:if test="$taken-out">
      <xsl:text>}</xsl:text>
    </xsl:if>
    <xsl:if test="normalize-space(string($reading)) != ''">
      <xsl:value-of select="if (normalize-space(string-join($sources, '')) != '') then ' ⟨' else '⟨'"/>
      <xsl:apply-templates select="$reading/node()" mode="m:plain"/>
      <xsl:text>⟩</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- A change of hand: '⟨hand: Stalin⟩ ' (f:hand-shift-label; '⟨change of hand⟩' when it names none), with the markers of notes on it before the space. -->
  <xsl:template match="handShift" mode="m:plain">
    <xsl:value-of select="concat('&#xFDDD;⟨', (for $l in f:hand-shift-label(.) return concat('hand: ', $l), 'change of hand')[1], '⟩&#xFDDE;',
                                 if ($fp:any-targets) then fp:note-markers(f:notes-at(.)) else '', '&#xFDDD; &#xFDDE;')"/>
  </xsl:template>

  <!-- app: the lemma, marked with the app's id. -->
  <xsl:template match="app" mode="m:plain">
    <xsl:variable name="content" as="xs:string">
      <xsl:value-of>
        <xsl:apply-templates select="f:app-lemma(.)/node()" mode="m:plain"/>
      </xsl:value-of>
    </xsl:variable>
    <xsl:value-of select="if (matches($content, '[&#xFDD0;&#xFDD4;]')) then concat('&#xFDD2;', $content, '&#xFDD3;')
                          else concat('&#xFDD7;', translate(f:app-id(.), ' ', '&#xFDEE;'), '&#xFDD8;', $content, '&#xFDD9;')"/>
  </xsl:template>

  <!--
    Names, marked with their type (as f:entity-type gives it: one rule per
    name, not a call per name) and @ref; a name of text only (most) is
    written at once; a name that holds a block is dropped, its edges are
    boundaries.
  -->
  <xsl:template match="persName" mode="m:plain">
    <xsl:variable name="start" as="xs:string"
      select="concat('&#xFDD6;person', if (@ref) then concat('&#xFDEF;', translate(normalize-space(@ref), ' ', '&#xFDEE;')) else '', '&#xFDD8;')"/>
    <xsl:value-of select="if (*) then fp:name(., $start) else concat($start, ., '&#xFDD9;')"/>
  </xsl:template>

  <xsl:template match="placeName" mode="m:plain">
    <xsl:variable name="start" as="xs:string"
      select="concat('&#xFDD6;place', if (@ref) then concat('&#xFDEF;', translate(normalize-space(@ref), ' ', '&#xFDEE;')) else '', '&#xFDD8;')"/>
    <xsl:value-of select="if (*) then fp:name(., $start) else concat($start, ., '&#xFDD9;')"/>
  </xsl:template>

  <xsl:template match="orgName" mode="m:plain">
    <xsl:variable name="start" as="xs:string"
      select="concat('&#xFDD6;org', if (@ref) then concat('&#xFDEF;', translate(normalize-space(@ref), ' ', '&#xFDEE;')) else '', '&#xFDD8;')"/>
    <xsl:value-of select="if (*) then fp:name(., $start) else concat($start, ., '&#xFDD9;')"/>
  </xsl:template>

  <xsl:template match="name | rs" mode="m:plain">
    <xsl:variable name="type" as="xs:string" select="normalize-space(@type)"/>
    <xsl:variable name="start" as="xs:string"
      select="concat('&#xFDD6;', if ($type != '') then translate($type, ' ', '&#xFDEE;') else 'name',
                     if (@ref) then concat('&#xFDEF;', translate(normalize-space(@ref), ' ', '&#xFDEE;')) else '', '&#xFDD8;')"/>
    <xsl:value-of select="if (*) then fp:name(., $start) else concat($start, ., '&#xFDD9;')"/>
  </xsl:template>

  <!-- A name that holds elements: marked, or dropped when it holds a block. -->
  <xsl:function name="fp:name" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:param name="start" as="xs:string"/>
    <xsl:variable name="content" as="xs:string">
      <xsl:value-of>
        <xsl:apply-templates select="$name/node()" mode="m:plain"/>
      </xsl:value-of>
    </xsl:variable>
    <xsl:sequence select="if (matches($content, '[&#xFDD0;&#xFDD4;]')) then concat('&#xFDD2;', $content, '&#xFDD3;')
                          else concat($start, $content, '&#xFDD9;')"/>
  </xsl:function>

  <!-- ===== Notes ===== -->

  <!-- '⟨e1⟩[2]': the markers of the notes that point at an element, as a string (for headings, notes). -->
  <xsl:function name="f:plain-markers" as="xs:string">
    <xsl:param name="e" as="element()*"/>
    <xsl:sequence select="if (empty($e) or not($fp:any-targets)) then ''
                          else string-join(for $n in $e/f:notes-at(.) return f:note-label(fp:note-facts($n)), '')"/>
  </xsl:function>

  <!--
    A note's number as the text file prints it, from fp:note-facts: the
    source's notes '[1]', this edition's (an editorial addition) '⟨e1⟩'.
  -->
  <xsl:function name="f:note-label" as="xs:string">
    <xsl:param name="facts" as="xs:string+"/>
    <xsl:sequence select="if ($facts[3] = 'editorial') then concat('⟨', $facts[2], '⟩') else concat('[', $facts[2], ']')"/>
  </xsl:function>

  <!-- The marked markers of some notes: each '[n]' or '⟨en⟩' with the note's id. -->
  <xsl:function name="fp:note-markers" as="xs:string">
    <xsl:param name="notes" as="element(note)*"/>
    <xsl:sequence select="string-join(for $n in $notes return let $facts := fp:note-facts($n)
                                      return concat('&#xFDDA;', translate($facts[1], ' ', '&#xFDEE;'), '&#xFDDB;', f:note-label($facts), '&#xFDDC;'), '')"/>
  </xsl:function>

  <!--
    A note's id, number and kind (f:note-id, f:note-number, f:note-kind).
    The first two count the notes before it; for the documents being
    transformed (the source, or the documents of build.xsl's batch) they are worked out
    once, in one pass over the notes; other notes are asked one by one.
  -->
  <xsl:function name="fp:note-facts" as="xs:string+">
    <xsl:param name="note" as="element(note)"/>
    <xsl:variable name="facts" as="xs:string*" select="map:get($fp:note-facts, generate-id($note))"/>
    <xsl:sequence select="if (exists($facts)) then $facts else (f:note-id($note), f:note-number($note), f:note-kind($note))"/>
  </xsl:function>

  <xsl:variable name="fp:note-facts" as="map(xs:string, xs:string*)"
    select="map:merge((/TEI | $batch-documents/TEI) ! fp:note-facts-of(.))"/>

  <!--
    Whether an element can be one a note points at: some note of the
    documents being transformed has a @target (for a corpus or a root that
    is not a TEI, always).
  -->
  <xsl:variable name="fp:any-targets" as="xs:boolean"
    select="not(/*/self::TEI) or map:contains($fp:note-facts, '#targets')"/>

  <!--
    The facts of a TEI's notes by generate-id(): the notes fp:notes-before
    counts, in one pass; '#targets' when a note of the TEI has a @target.
  -->
  <xsl:function name="fp:note-facts-of" as="map(xs:string, xs:string*)*">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="notes" as="element(note)*" select="$tei/text//note[not(ancestor::TEI[2])]"/>
    <xsl:if test="exists($notes[@target]) or exists($tei/(* except text)//note[@target])">
      <xsl:sequence select="map { '#targets': '' }"/>
    </xsl:if>
    <xsl:variable name="doc" as="xs:string" select="f:safe-name(f:doc-id($tei))"/>
    <xsl:iterate select="$notes">
      <xsl:param name="sources" as="xs:integer" select="0"/>
      <xsl:param name="editorials" as="xs:integer" select="0"/>
      <xsl:variable name="kind" as="xs:string" select="f:note-kind(.)"/>
      <!-- The notes before it but the notes it is in, of its kind and of any. -->
      <xsl:variable name="outer" as="element(note)*" select="ancestor::note[ancestor::text]"/>
      <xsl:variable name="before" as="xs:integer" select="$sources + $editorials - count($outer)"/>
      <xsl:variable name="before-kind" as="xs:integer"
        select="(if ($kind = 'editorial') then $editorials else $sources)
                - count($outer[f:note-kind(.) = $kind])"/>
      <xsl:variable name="n" as="xs:string" select="normalize-space(@n)"/>
      <xsl:sequence select="map { generate-id(.): (
          if (normalize-space(@xml:id) != '') then f:safe-name(@xml:id)
          else if ($n != '') then concat($doc, if ($kind = 'editorial') then '-enote-' else '-note-', f:safe-name($n))
          else concat($doc, '-note-at-', $before + 1),
          if ($n != '') then $n else string($before-kind + 1),
          $kind) }"/>
      <xsl:next-iteration>
        <xsl:with-param name="sources" select="if ($kind = 'editorial') then $sources else $sources + 1"/>
        <xsl:with-param name="editorials" select="if ($kind = 'editorial') then $editorials + 1 else $editorials"/>
      </xsl:next-iteration>
    </xsl:iterate>
  </xsl:function>

  <!-- ===== Word-joining breaks ===== -->

  <!--
    A word-joining break (break="no") joins the text nodes next to it
    without their whitespace there, as f:join-breaks has it ('divi<lb
    break="no"/>sions' reads 'divisions' however the source is indented).
    The text nodes are written as they are, and around $marker the break
    writes one &#xFDE0; for each whitespace character to take off the end
    of the text before, one &#xFDE1; for each to take off the start of the
    text after; fp:marked takes them off. (A rule for text nodes next to
    such breaks would be tried on every text node.)
  -->
  <xsl:function name="fp:join-marks" as="xs:string">
    <xsl:param name="break" as="element()"/>
    <xsl:param name="marker" as="xs:string"/>
    <xsl:variable name="before" as="text()?" select="$break/preceding-sibling::node()[1][self::text()][not(fp:is-dropped(.))]"/>
    <xsl:variable name="after" as="text()?" select="$break/following-sibling::node()[1][self::text()][not(fp:is-dropped(.))]"/>
    <!-- The text before has lost its leading whitespace already when a break joins it at the start too. -->
    <xsl:variable name="kept" as="xs:string"
      select="if ($before/preceding-sibling::node()[1][self::lb or self::pb or self::cb][@break = 'no'])
              then replace($before, '^\s+', '') else string($before)"/>
    <xsl:sequence select="concat(
        string-join(for $i in 1 to string-length($kept) - string-length(replace($kept, '\s+$', '')) return '&#xFDE0;', ''),
        $marker,
        string-join(for $i in 1 to string-length($after) - string-length(replace($after, '^\s+', '')) return '&#xFDE1;', ''))"/>
  </xsl:function>

  <!-- Whitespace-only text directly in subst or substJoin: not written (see the rule for subst). -->
  <xsl:function name="fp:is-dropped" as="xs:boolean">
    <xsl:param name="t" as="text()"/>
    <xsl:sequence select="exists($t/parent::subst | $t/parent::substJoin) and normalize-space($t) = ''"/>
  </xsl:function>

  <!-- ===== Markers at the end of an element a note points at ===== -->

  <!--
    $markers after $rendered; when $rendered is one block, inside it, at the
    end of its last paragraph: inside its last block when only whitespace
    follows that block, and so on down.
  -->
  <xsl:function name="fp:add-markers" as="xs:string">
    <xsl:param name="rendered" as="xs:string"/>
    <xsl:param name="markers" as="xs:string"/>
    <xsl:variable name="pieces" as="xs:string*" select="fp:structure-pieces($rendered)"/>
    <xsl:variable name="levels" as="xs:integer*" select="fp:levels($pieces)"/>
    <xsl:sequence select="
        if ($pieces[1] = '' and count($pieces) ge 3 and matches($pieces[2], '^[&#xFDD0;&#xFDD4;]')
            and matches($pieces[last()], '^[&#xFDD1;&#xFDD5;]$')
            and empty($levels[position() gt 1 and position() lt last()][. le 0]))
        then concat(substring($rendered, 1, 1), fp:insert-markers(substring($rendered, 2, string-length($rendered) - 2), $markers),
                    substring($rendered, string-length($rendered)))
        else concat($rendered, $markers)"/>
  </xsl:function>

  <!-- The marked string cut before each boundary: the text before the first, then each boundary with what follows it. -->
  <xsl:function name="fp:structure-pieces" as="xs:string*">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="marks" as="xs:integer*" select="string-to-codepoints(replace($s, '[^&#xFDD0;-&#xFDD5;]', ''))"/>
    <xsl:variable name="parts" as="xs:string*" select="tokenize($s, '[&#xFDD0;-&#xFDD5;]')"/>
    <xsl:sequence select="$parts[1], for $i in 1 to count($marks) return concat(codepoints-to-string($marks[$i]), $parts[$i + 1])"/>
  </xsl:function>

  <!-- The nesting after each piece of fp:structure-pieces (starts open, ends close). -->
  <xsl:function name="fp:levels" as="xs:integer*">
    <xsl:param name="pieces" as="xs:string*"/>
    <xsl:iterate select="$pieces">
      <xsl:param name="level" as="xs:integer" select="0"/>
      <xsl:variable name="next" as="xs:integer"
        select="if (matches(., '^[&#xFDD0;&#xFDD2;&#xFDD4;]')) then $level + 1 else if (matches(., '^[&#xFDD1;&#xFDD3;&#xFDD5;]')) then $level - 1 else $level"/>
      <xsl:sequence select="$next"/>
      <xsl:next-iteration>
        <xsl:with-param name="level" select="$next"/>
      </xsl:next-iteration>
    </xsl:iterate>
  </xsl:function>

  <!-- Markers at the end of a block's content (see fp:add-markers). -->
  <xsl:function name="fp:insert-markers" as="xs:string">
    <xsl:param name="content" as="xs:string"/>
    <xsl:param name="markers" as="xs:string"/>
    <xsl:variable name="pieces" as="xs:string*" select="fp:structure-pieces($content)"/>
    <xsl:variable name="levels" as="xs:integer*" select="fp:levels($pieces)"/>
    <!-- The last block that starts at the top, and the end that closes it. -->
    <xsl:variable name="start" as="xs:integer?"
      select="(for $i in 2 to count($pieces) return if (matches($pieces[$i], '^[&#xFDD0;&#xFDD4;]') and $levels[$i - 1] = 0) then $i else ())[last()]"/>
    <xsl:variable name="end" as="xs:integer?"
      select="if (empty($start)) then () else (for $i in $start + 1 to count($pieces) return if ($levels[$i] = 0) then $i else ())[1]"/>
    <xsl:variable name="after" as="xs:string"
      select="if (empty($end)) then '' else concat(substring($pieces[$end], 2), string-join(subsequence($pieces, $end + 1), ''))"/>
    <xsl:sequence select="
        if (exists($end) and normalize-space(fp:text-of($after)) = '')
        then concat(string-join(subsequence($pieces, 1, $start - 1), ''),
                    substring($pieces[$start], 1, 1),
                    fp:insert-markers(concat(substring($pieces[$start], 2), string-join(subsequence($pieces, $start + 1, $end - $start - 1), '')), $markers),
                    $pieces[$end], string-join(subsequence($pieces, $end + 1), ''))
        else concat($content, $markers)"/>
  </xsl:function>

  <!-- ===== Step 2: reading the marked string ===== -->

  <!-- The marked string of some TEI nodes. -->
  <xsl:function name="fp:marked" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="marked" as="xs:string">
      <xsl:value-of>
        <xsl:apply-templates select="$nodes" mode="m:plain"/>
      </xsl:value-of>
    </xsl:variable>
    <xsl:sequence select="if (contains($marked, '&#xFDE0;') or contains($marked, '&#xFDE1;')) then fp:joined($marked) else $marked"/>
  </xsl:function>

  <!-- The whitespace the marks of word-joining breaks stand for taken off, a character a round (fp:join-marks). -->
  <xsl:function name="fp:joined" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="if (matches($s, '\s&#xFDE0;|&#xFDE1;\s')) then fp:joined(replace(replace($s, '\s&#xFDE0;', ''), '&#xFDE1;\s', ''))
                          else replace($s, '[&#xFDE0;&#xFDE1;]', '')"/>
  </xsl:function>

  <!--
    The marked string of a document's text (f:plain-paragraphs($tei/text)):
    build.xsl's batch makes it once for the text file and the JSON.
  -->
  <xsl:function name="f:plain-paragraphs" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="fp:marked($nodes)"/>
  </xsl:function>

  <!-- The text of a marked string as the .txt file has it: markers' text kept, spans and markers' marks gone, boundaries kept. -->
  <xsl:function name="fp:text-of" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="replace($s, '[&#xFDD6;&#xFDD7;&#xFDDA;][^&#xFDD8;&#xFDDB;]*[&#xFDD8;&#xFDDB;]|[&#xFDD9;&#xFDDC;-&#xFDDE;]', '')"/>
  </xsl:function>

  <!--
    The paragraphs of a marked string for the .txt file: markers kept,
    whitespace collapsed, empty ones left out; with $indent, four spaces
    before a paragraph for each embedded text it is in.
  -->
  <xsl:function name="f:plain-lines" as="xs:string*">
    <xsl:param name="marked" as="xs:string"/>
    <xsl:param name="indent" as="xs:boolean"/>
    <xsl:variable name="text" as="xs:string" select="fp:text-of($marked)"/>
    <xsl:variable name="paragraphs" as="xs:string*" select="tokenize($text, '[&#xFDD0;-&#xFDD5;]')"/>
    <xsl:choose>
      <xsl:when test="$indent and contains($text, '&#xFDD4;')">
        <xsl:variable name="depths" as="xs:integer*" select="fp:depths(string-to-codepoints(replace($text, '[^&#xFDD0;-&#xFDD5;]', '')))"/>
        <xsl:for-each select="$paragraphs">
          <xsl:variable name="line" as="xs:string" select="fp:lines(.)"/>
          <xsl:variable name="i" as="xs:integer" select="position()"/>
          <xsl:variable name="depth" as="xs:integer" select="if ($i = 1) then 0 else $depths[$i - 1]"/>
          <xsl:variable name="margin" as="xs:string" select="string-join(for $i in 1 to $depth return '    ', '')"/>
          <xsl:sequence select="if ($depth = 0) then $line[. != '']
                                else concat($margin, replace($line, '&#10;', concat('&#10;', $margin)))[$line != '']"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="for $p in $paragraphs return fp:lines($p)[. != '']"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A paragraph of the .txt file: whitespace collapsed; a line break of the .txt file only (&#xFDE2;, addrLine) a line break. -->
  <xsl:function name="fp:lines" as="xs:string">
    <xsl:param name="p" as="xs:string"/>
    <xsl:sequence select="if (contains($p, '&#xFDE2;'))
                          then replace(replace(normalize-space($p), ' ?&#xFDE2;[ &#xFDE2;]*', '&#10;'), '^&#10;+|&#10;+$', '')
                          else normalize-space($p)"/>
  </xsl:function>

  <!--
    The depth of the paragraph after each boundary: a block's own text is
    at the number of embedded texts around it, an embedded text's own text
    at the depth outside it; after a block's end, the depth of the block
    around it (0 at the top).
  -->
  <xsl:function name="fp:depths" as="xs:integer*">
    <xsl:param name="marks" as="xs:integer*"/>
    <xsl:iterate select="$marks">
      <xsl:param name="open" as="xs:integer*" select="()"/>
      <xsl:param name="embedded" as="xs:integer" select="0"/>
      <xsl:choose>
        <!-- block start; embedded text's start -->
        <xsl:when test=". = (64976, 64980)">
          <xsl:sequence select="$embedded"/>
          <xsl:next-iteration>
            <xsl:with-param name="open" select="($open, $embedded)"/>
            <xsl:with-param name="embedded" select="if (. = 64980) then $embedded + 1 else $embedded"/>
          </xsl:next-iteration>
        </xsl:when>
        <!-- block end; embedded text's end -->
        <xsl:when test=". = (64977, 64981)">
          <xsl:sequence select="($open[last() - 1], 0)[1]"/>
          <xsl:next-iteration>
            <xsl:with-param name="open" select="$open[position() lt last()]"/>
            <xsl:with-param name="embedded" select="if (. = 64981) then $embedded - 1 else $embedded"/>
          </xsl:next-iteration>
        </xsl:when>
        <!-- the edges of a dropped name or lemma -->
        <xsl:otherwise>
          <xsl:sequence select="($open[last()], 0)[1]"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>

  <!-- The plain text of some TEI nodes: paragraphs joined by a blank line; with $keep-markers false without markers. -->
  <xsl:function name="f:plain-text" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="keep-markers" as="xs:boolean"/>
    <xsl:sequence select="if ($keep-markers) then string-join(f:plain-lines(fp:marked($nodes), false()), '&#10;&#10;')
                          else map:get(f:plain-json(fp:marked($nodes)), 'text')"/>
  </xsl:function>

  <!-- The plain text of some TEI nodes on one line (for titles, dates, labels): markers kept. -->
  <xsl:function name="f:plain-line" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="normalize-space(translate(fp:text-of(fp:marked($nodes)), '&#xFDD0;&#xFDD1;&#xFDD2;&#xFDD3;&#xFDD4;&#xFDD5;&#xFDE2;', '       '))"/>
  </xsl:function>

  <!--
    The JSON reading of a marked string, a map:
      'text'      the text without markers: paragraphs joined by a blank
                  line, whitespace collapsed across names, lemmas and
                  points, empty paragraphs (and what they hold) left out;
      'entities'  per name, in order, a string: start, end (code points
                  in 'text', end-exclusive), type and, for a name with
                  @ref, the ref, separated by tabs (strings, not maps:
                  a letter has dozens of names, and a map each cost
                  SaxonJS more than the rest of the JSON);
      'apps'      by app id, its lemma's start and end (the first);
      'notes'     by note id, the offset of its first marker.
  -->
  <xsl:function name="f:plain-json" as="map(*)">
    <xsl:param name="marked" as="xs:string"/>
    <!-- Markers without their text: note markers become points (id between &#xFDDA; and &#xFDDB;), the others go. -->
    <xsl:variable name="points" as="xs:string"
      select="replace(replace($marked, '&#xFDDB;[^&#xFDDC;]*&#xFDDC;', '&#xFDDB;'), '&#xFDDD;[^&#xFDDE;]*&#xFDDE;', '')"/>
    <xsl:variable name="collapsed" as="xs:string" select="fp:collapse(replace($points, '\s+', ' '))"/>
    <xsl:variable name="paragraphs" as="xs:string*">
      <xsl:for-each select="tokenize($collapsed, '[&#xFDD0;-&#xFDD5;]')">
        <!-- No space at the edges (before or after only marks); a paragraph without text goes, with its marks. -->
        <xsl:variable name="p" as="xs:string"
          select="replace(replace(., '^((?:[&#xFDD6;&#xFDD7;&#xFDDA;][^&#xFDD8;&#xFDDB;]*[&#xFDD8;&#xFDDB;]|&#xFDD9;)*) ', '$1'),
                          ' ((?:[&#xFDD6;&#xFDD7;&#xFDDA;][^&#xFDD8;&#xFDDB;]*[&#xFDD8;&#xFDDB;]|&#xFDD9;)*)$', '$1')"/>
        <xsl:sequence select="$p[replace(., '[&#xFDD6;&#xFDD7;&#xFDDA;][^&#xFDD8;&#xFDDB;]*[&#xFDD8;&#xFDDB;]|&#xFDD9;', '') != '']"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="joined" as="xs:string" select="string-join($paragraphs, '&#10;&#10;')"/>
    <xsl:variable name="text" as="xs:string" select="replace($joined, '[&#xFDD6;&#xFDD7;&#xFDDA;][^&#xFDD8;&#xFDDB;]*[&#xFDD8;&#xFDDB;]|&#xFDD9;', '')"/>
    <!-- The marks in order: when each name or lemma ends before the next mark (most texts), one pass over the starts. -->
    <xsl:variable name="marks" as="xs:string" select="replace($joined, '[^&#xFDD6;&#xFDD7;&#xFDD9;&#xFDDA;]', '')"/>
    <xsl:variable name="records" as="xs:string*"
      select="if ($marks = '') then ()
              else if (matches($marks, '^(?:[&#xFDD6;&#xFDD7;]&#xFDD9;|&#xFDDA;)*$')) then fp:simple-offsets($joined, $marks)
              else fp:offsets($joined)"/>
    <xsl:sequence select="map {
        'text': $text,
        'entities': for $r in $records[starts-with(., 'E&#9;')] return substring($r, 3),
        'apps': map:merge(for $r in $records[starts-with(., 'A&#9;')] return let $t := tokenize($r, '&#9;')
                          return map:entry($t[2], (xs:integer($t[3]), xs:integer($t[4]))), map { 'duplicates': 'use-first' }),
        'notes': map:merge(for $r in $records[starts-with(., 'N&#9;')] return let $t := tokenize($r, '&#9;')
                           return map:entry($t[2], xs:integer($t[3])), map { 'duplicates': 'use-first' }) }"/>
  </xsl:function>

  <!--
    The offsets of the marks when no name or lemma holds another mark: per
    start, the payload, the name's text up to its end mark, the text after.
    Records: 'E', start, end, type[, ref]; 'A', id, start, end; 'N', id,
    offset; tab-separated.
  -->
  <xsl:function name="fp:simple-offsets" as="xs:string*">
    <xsl:param name="joined" as="xs:string"/>
    <xsl:param name="marks" as="xs:string"/>
    <xsl:variable name="kinds" as="xs:integer*" select="string-to-codepoints(translate($marks, '&#xFDD9;', ''))"/>
    <xsl:variable name="pieces" as="xs:string*" select="tokenize($joined, '[&#xFDD6;&#xFDD7;&#xFDDA;]')"/>
    <xsl:iterate select="$kinds">
      <xsl:param name="i" as="xs:integer" select="2"/>
      <xsl:param name="offset" as="xs:integer" select="string-length($pieces[1])"/>
      <xsl:variable name="piece" as="xs:string" select="$pieces[$i]"/>
      <xsl:choose>
        <xsl:when test=". = 64986">
          <xsl:variable name="rest" as="xs:string" select="substring-after($piece, '&#xFDDB;')"/>
          <xsl:sequence select="concat('N&#9;', translate(substring-before($piece, '&#xFDDB;'), '&#xFDEE;', ' '), '&#9;', $offset)"/>
          <xsl:next-iteration>
            <xsl:with-param name="i" select="$i + 1"/>
            <xsl:with-param name="offset" select="$offset + string-length($rest)"/>
          </xsl:next-iteration>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="payload" as="xs:string" select="translate(substring-before($piece, '&#xFDD8;'), '&#xFDEE;&#xFDEF;', ' &#9;')"/>
          <xsl:variable name="after" as="xs:string" select="substring-after($piece, '&#xFDD8;')"/>
          <xsl:variable name="end" as="xs:integer" select="$offset + string-length(substring-before($after, '&#xFDD9;'))"/>
          <xsl:sequence select="if (. = 64982) then concat('E&#9;', $offset, '&#9;', $end, '&#9;', $payload)
                                else concat('A&#9;', $payload, '&#9;', $offset, '&#9;', $end)"/>
          <xsl:next-iteration>
            <xsl:with-param name="i" select="$i + 1"/>
            <xsl:with-param name="offset" select="$end + string-length(substring-after($after, '&#xFDD9;'))"/>
          </xsl:next-iteration>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>

  <!-- A space after a space with only marks between goes, round after round (a round takes every other one). -->
  <xsl:function name="fp:collapse" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="pattern" as="xs:string" select="' ((?:[&#xFDD6;&#xFDD7;&#xFDDA;][^&#xFDD8;&#xFDDB;]*[&#xFDD8;&#xFDDB;]|&#xFDD9;)+) '"/>
    <xsl:sequence select="if (matches($s, $pattern)) then fp:collapse(replace($s, $pattern, ' $1')) else $s"/>
  </xsl:function>

  <!-- The offsets of the marks in $joined, names and lemmas holding other marks: records as fp:simple-offsets makes them. -->
  <xsl:function name="fp:offsets" as="xs:string*">
    <xsl:param name="joined" as="xs:string"/>
    <!-- The marks in order; the pieces: the text before the first, then after each mark its payload (if any) and the text up to the next. -->
    <xsl:variable name="kinds" as="xs:integer*" select="string-to-codepoints(replace($joined, '[^&#xFDD6;&#xFDD7;&#xFDD9;&#xFDDA;]', ''))"/>
    <xsl:variable name="pieces" as="xs:string*" select="tokenize($joined, '[&#xFDD6;&#xFDD7;&#xFDD9;&#xFDDA;]')"/>
    <!-- Per mark: its number, kind, start and payload; per end: the number of the start it closes, and the end. -->
    <xsl:variable name="records" as="map(*)*">
      <xsl:iterate select="1 to count($kinds)">
        <xsl:param name="offset" as="xs:integer" select="string-length($pieces[1])"/>
        <xsl:param name="open" as="xs:integer*" select="()"/>
        <xsl:variable name="i" as="xs:integer" select="."/>
        <xsl:variable name="kind" as="xs:integer" select="$kinds[$i]"/>
        <xsl:variable name="piece" as="xs:string" select="$pieces[$i + 1]"/>
        <xsl:choose>
          <xsl:when test="$kind = 64985">
            <xsl:sequence select="map { 'i': $open[last()], 'end': $offset }"/>
            <xsl:next-iteration>
              <xsl:with-param name="offset" select="$offset + string-length($piece)"/>
              <xsl:with-param name="open" select="$open[position() lt last()]"/>
            </xsl:next-iteration>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="payload" as="xs:string" select="substring-before($piece, if ($kind = 64986) then '&#xFDDB;' else '&#xFDD8;')"/>
            <xsl:sequence select="map { 'i': $i, 'kind': $kind, 'payload': translate($payload, '&#xFDEE;&#xFDEF;', ' &#9;'), 'start': $offset }"/>
            <xsl:next-iteration>
              <xsl:with-param name="offset" select="$offset + string-length($piece) - string-length($payload) - 1"/>
              <xsl:with-param name="open" select="if ($kind = 64986) then $open else ($open, $i)"/>
            </xsl:next-iteration>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:iterate>
    </xsl:variable>
    <xsl:variable name="ends" as="map(xs:integer, xs:integer)"
      select="map:merge(for $r in $records[map:contains(., 'end')] return map:entry(map:get($r, 'i'), map:get($r, 'end')))"/>
    <xsl:sequence select="for $r in $records[map:contains(., 'kind')]
                          return let $kind := map:get($r, 'kind')
                          return if ($kind = 64982) then concat('E&#9;', map:get($r, 'start'), '&#9;', map:get($ends, map:get($r, 'i')), '&#9;', map:get($r, 'payload'))
                                 else if ($kind = 64983) then concat('A&#9;', map:get($r, 'payload'), '&#9;', map:get($r, 'start'), '&#9;', map:get($ends, map:get($r, 'i')))
                                 else concat('N&#9;', map:get($r, 'payload'), '&#9;', map:get($r, 'start'))"/>
  </xsl:function>

</xsl:stylesheet>
