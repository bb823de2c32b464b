<?xml version="1.0" encoding="UTF-8"?>
<!--
  plain.xsl: the reading text as plain text, shared by text.xsl and json.xsl.

  Three steps:
  1. mode m:plain turns TEI into a small private model: fp:block for each
     paragraph-like element, fp:span around names (kind="entity") and lemmas
     (kind="app"), fp:marker for text only the .txt file shows (note
     markers [n], hand markers, page numbers), plain text for the rest.
     Interventions print as the plain-text conventions say: supplied
     [1920], choice 'Chairman [Pre]', gap '[...]', del ⟦…⟧, sic 'x [sic]'.
  2. f:plain-blocks flattens nested blocks into a sequence of paragraphs and
     collapses whitespace the way a browser would: runs of whitespace become
     one space, none at the edges of a paragraph (for JSON, mode
     m:plain-unmark, which also turns markers into points).
  3. The callers join paragraphs with a blank line; json.xsl turns markers
     into zero-width fp:point elements first, so offsets index the text
     without markers.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:m="urn:edition:modes"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- TEI to the plain model. Text is copied; elements without a rule below keep their content. -->
  <xsl:mode name="m:plain" on-no-match="text-only-copy"/>

  <!--
    Markers dropped and whitespace collapsed (JSON): fp:marker becomes an
    empty fp:point that keeps its attributes.
  -->
  <xsl:mode name="m:plain-unmark" on-no-match="shallow-copy"/>

  <!-- ===== Step 1: TEI to the plain model ===== -->

  <!-- Generic: a block becomes a paragraph, anything else just its content. -->
  <xsl:template match="*" mode="m:plain" as="node()*">
    <xsl:choose>
      <xsl:when test="f:is-block(.)">
        <fp:block depth="{count(ancestor::floatingText)}">
          <xsl:apply-templates mode="m:plain"/>
        </fp:block>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="m:plain"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="text()" mode="m:plain" as="node()*">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- Next to a word-joining break (f:join-breaks). A pattern, not a function call, for the many text nodes that are not. -->
  <xsl:template match="text()[preceding-sibling::node()[1][self::lb or self::pb or self::cb][@break = 'no']
                              or following-sibling::node()[1][self::lb or self::pb or self::cb][@break = 'no']]"
                mode="m:plain" priority="0.25" as="node()*">
    <xsl:value-of select="f:join-breaks(.)"/>
  </xsl:template>

  <!--
    Indentation inside an element that holds only elements is not text:
    'opera<subst> <del>e</del> <add>urum</add> </subst>' reads 'operaurum'.
    html/text.xsl and common/plain.xsl share this pattern: keep them in step.
  -->
  <xsl:template match="subst/text()[normalize-space(.) = ''] | choice/text()[normalize-space(.) = ''] | app/text()[normalize-space(.) = '']
                       | rdgGrp/text()[normalize-space(.) = ''] | substJoin/text()[normalize-space(.) = '']"
                mode="m:plain" priority="0.5" as="node()*"/>

  <!-- Not reading text: the header, apparatus readings, standoff and index elements; pointers and media have no words. -->
  <xsl:template match="*[f:is-silent(.)] | graphic | media | binaryObject | ptr" mode="m:plain" as="node()*"/>

  <!-- Parts printed elsewhere: the document's heading, the back notes. -->
  <xsl:template match="front/docTitle | front/docDate | back//note | back//div[f:is-notes-container(.)]" mode="m:plain" priority="30" as="node()*"/>

  <!--
    An element a note points at (not an anchor): its content, then the note
    markers; for a block, inside it, at the end of its last paragraph.
  -->
  <xsl:template match="*[@xml:id][not(self::anchor or self::note or self::handShift)][exists(f:notes-at(.))]" mode="m:plain" priority="20" as="node()*">
    <xsl:variable name="rendered" as="node()*">
      <xsl:next-match/>
    </xsl:variable>
    <xsl:variable name="markers" as="element(fp:marker)*" select="fp:note-markers(f:notes-at(.))"/>
    <xsl:choose>
      <xsl:when test="count($rendered) = 1 and $rendered instance of element(fp:block)">
        <xsl:sequence select="fp:append-markers($rendered, $markers)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$rendered, $markers"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A block with markers added at the end of its last paragraph. -->
  <xsl:function name="fp:append-markers" as="element(fp:block)">
    <xsl:param name="block" as="element(fp:block)"/>
    <xsl:param name="markers" as="element(fp:marker)*"/>
    <xsl:variable name="last" as="element(fp:block)?" select="$block/fp:block[last()]"/>
    <fp:block>
      <xsl:sequence select="$block/@*"/>
      <xsl:choose>
        <xsl:when test="$last and empty($last/following-sibling::node()[normalize-space(.) != ''])">
          <xsl:sequence select="$last/preceding-sibling::node()"/>
          <xsl:sequence select="fp:append-markers($last, $markers)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="$block/node(), $markers"/>
        </xsl:otherwise>
      </xsl:choose>
    </fp:block>
  </xsl:function>

  <xsl:template match="anchor" mode="m:plain" as="node()*">
    <xsl:variable name="notes" as="element(note)*" select="f:notes-at(.)"/>
    <xsl:sequence select="fp:note-markers($notes)"/>
    <xsl:if test="empty($notes) and f:is-orphan-anchor(.)">
      <fp:marker kind="note">[<xsl:value-of select="normalize-space(@n)"/>]</fp:marker>
    </xsl:if>
  </xsl:template>

  <!-- A note in the text: a marker where it stands (its content goes to the notes). -->
  <xsl:template match="note" mode="m:plain" as="node()*">
    <xsl:choose>
      <xsl:when test="f:is-inline-note(.)">
        <xsl:sequence select="fp:note-markers(.)"/>
      </xsl:when>
      <xsl:when test="empty(ancestor::text)">
        <xsl:next-match/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- '[e1][e3]': the markers of the notes that point at an element, as a string (for headings, notes). -->
  <xsl:function name="f:plain-markers" as="xs:string">
    <xsl:param name="e" as="element()*"/>
    <xsl:sequence select="string-join(for $n in $e/f:notes-at(.) return concat('[', f:note-number($n), ']'), '')"/>
  </xsl:function>

  <xsl:function name="fp:note-markers" as="element(fp:marker)*">
    <xsl:param name="notes" as="element(note)*"/>
    <xsl:for-each select="$notes">
      <fp:marker kind="note" note="{f:note-id(.)}">[<xsl:value-of select="f:note-number(.)"/>]</fp:marker>
    </xsl:for-each>
  </xsl:function>

  <xsl:template match="lb | cb" mode="m:plain" as="node()*">
    <xsl:if test="not(@break = 'no')">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="pb" mode="m:plain" as="node()*">
    <xsl:choose>
      <xsl:when test="normalize-space(@n) != ''">
        <fp:marker kind="page">
          <xsl:value-of select="concat(if (@break = 'no') then '' else ' ', '[p. ', normalize-space(@n), ']',
                                       if (@break = 'no') then '' else ' ')"/>
        </fp:marker>
      </xsl:when>
      <xsl:when test="not(@break = 'no')">
        <xsl:text> </xsl:text>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Lines of an address, cells of a row: run on, separated by a space. -->
  <xsl:template match="addrLine | cell" mode="m:plain" as="node()*">
    <xsl:if test="preceding-sibling::*">
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:apply-templates mode="m:plain"/>
  </xsl:template>

  <xsl:template match="space" mode="m:plain" as="node()*">
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="supplied" mode="m:plain" as="node()*">
    <xsl:text>[</xsl:text>
    <xsl:apply-templates mode="m:plain"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="gap" mode="m:plain" as="node()*">
    <xsl:text>[...]</xsl:text>
  </xsl:template>

  <xsl:template match="del" mode="m:plain" as="node()*">
    <xsl:text>⟦</xsl:text>
    <xsl:apply-templates mode="m:plain"/>
    <xsl:text>⟧</xsl:text>
  </xsl:template>

  <xsl:template match="sic[not(parent::choice)]" mode="m:plain" as="node()*">
    <xsl:apply-templates mode="m:plain"/>
    <xsl:text> [sic]</xsl:text>
  </xsl:template>

  <!-- choice: the reading, then each source form in brackets: 'Chairman [Pre]', '21/III [ПІ]'. -->
  <xsl:template match="choice" mode="m:plain" as="node()*">
    <xsl:variable name="reading" as="element()?" select="f:choice-reading(.)"/>
    <xsl:apply-templates select="$reading/node()" mode="m:plain"/>
    <xsl:for-each select="f:choice-sources(.)">
      <xsl:value-of select="if (normalize-space(string($reading)) != '') then ' [' else '['"/>
      <xsl:apply-templates mode="m:plain"/>
      <xsl:text>]</xsl:text>
    </xsl:for-each>
  </xsl:template>

  <!-- A change of hand: '[hand: Stalin] ', with the markers of notes on it before the space. -->
  <xsl:template match="handShift" mode="m:plain" as="node()*">
    <fp:marker kind="hand">
      <xsl:value-of select="concat('[hand: ', f:hand-pointer-label(@new), ']')"/>
    </fp:marker>
    <xsl:sequence select="fp:note-markers(f:notes-at(.))"/>
    <fp:marker kind="hand">
      <xsl:text> </xsl:text>
    </fp:marker>
  </xsl:template>

  <!-- app: the lemma, wrapped so json.xsl can find its offsets. -->
  <xsl:template match="app" mode="m:plain" as="node()*">
    <fp:span kind="app" id="{f:app-id(.)}">
      <xsl:apply-templates select="f:app-lemma(.)/node()" mode="m:plain"/>
    </fp:span>
  </xsl:template>

  <!-- Names: wrapped so json.xsl can find their offsets. -->
  <xsl:template match="persName | placeName | orgName | name | rs" mode="m:plain" as="node()*">
    <fp:span kind="entity" type="{f:entity-type(.)}">
      <xsl:if test="@ref">
        <xsl:attribute name="ref" select="normalize-space(@ref)"/>
      </xsl:if>
      <xsl:apply-templates mode="m:plain"/>
    </fp:span>
  </xsl:template>

  <!-- ===== Step 2: flatten and collapse whitespace ===== -->

  <!--
    The paragraphs of some TEI nodes (an element's children, a note, the
    front and body …) in the plain model, flattened and with whitespace
    collapsed; empty paragraphs are dropped. With $keep-markers false,
    markers become zero-width fp:point elements.
  -->
  <xsl:function name="f:plain-blocks" as="element(fp:block)*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="keep-markers" as="xs:boolean"/>
    <xsl:sequence select="f:plain-finish(f:plain-paragraphs($nodes), $keep-markers)"/>
  </xsl:function>

  <!--
    The first part of f:plain-blocks: the paragraphs in the plain model,
    flattened, markers kept, whitespace as it is. batch.xsl makes a
    document's once for its text file and its JSON.
  -->
  <xsl:function name="f:plain-paragraphs" as="element(fp:block)*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="model" as="element(fp:root)">
      <fp:root>
        <xsl:apply-templates select="$nodes" mode="m:plain"/>
      </fp:root>
    </xsl:variable>
    <xsl:sequence select="fp:flatten($model/node(), 0)"/>
  </xsl:function>

  <!-- The second part: whitespace collapsed, markers kept or made points, empty paragraphs dropped. -->
  <xsl:function name="f:plain-finish" as="element(fp:block)*">
    <xsl:param name="flat" as="element(fp:block)*"/>
    <xsl:param name="keep-markers" as="xs:boolean"/>
    <xsl:choose>
      <xsl:when test="$keep-markers">
        <!--
          With the markers kept, callers read only each paragraph's string and
          depth. Collapsing node by node (as m:plain-unmark does) gives exactly the
          paragraph's string with its whitespace normalised, so the paragraph
          is not copied again.
        -->
        <xsl:for-each select="$flat">
          <xsl:variable name="collapsed" as="xs:string" select="normalize-space(.)"/>
          <xsl:if test="$collapsed != ''">
            <fp:block depth="{@depth}">
              <xsl:value-of select="$collapsed"/>
            </fp:block>
          </xsl:if>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="$flat">
          <xsl:variable name="collapsed" as="element(fp:block)">
            <xsl:apply-templates select="." mode="m:plain-unmark"/>
          </xsl:variable>
          <xsl:if test="string($collapsed) != ''">
            <xsl:sequence select="$collapsed"/>
          </xsl:if>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The plain text of some TEI nodes: paragraphs joined by a blank line. -->
  <xsl:function name="f:plain-text" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="keep-markers" as="xs:boolean"/>
    <xsl:sequence select="string-join(f:plain-blocks($nodes, $keep-markers)/string(.), '&#10;&#10;')"/>
  </xsl:function>

  <!-- The plain text of some TEI nodes on one line (for titles, dates, labels). -->
  <xsl:function name="f:plain-line" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="normalize-space(string-join(f:plain-blocks($nodes, true())/string(.), ' '))"/>
  </xsl:function>

  <!--
    Nested blocks to a flat sequence: a run of inline nodes becomes a
    paragraph of its own at the depth of its container; an inline wrapper
    (fp:span) that holds blocks is unwrapped.
  -->
  <xsl:function name="fp:flatten" as="element(fp:block)*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="depth" as="xs:integer"/>
    <xsl:for-each-group select="$nodes" group-adjacent="exists(self::fp:block | descendant::fp:block)">
      <xsl:choose>
        <xsl:when test="current-grouping-key()">
          <xsl:for-each select="current-group()">
            <xsl:sequence select="fp:flatten(node(), if (self::fp:block) then xs:integer(@depth) else $depth)"/>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <fp:block depth="{$depth}">
            <xsl:sequence select="current-group()"/>
          </fp:block>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each-group>
  </xsl:function>

  <xsl:template match="fp:marker" mode="m:plain-unmark" as="element(fp:point)">
    <fp:point>
      <xsl:sequence select="@*"/>
    </fp:point>
  </xsl:template>

  <!--
    Collapse whitespace as across the whole paragraph, markers left out: a
    whitespace run becomes one space, kept only after a non-space character
    and only when some non-space text follows in the paragraph. The text of
    a marker is not the paragraph's text (it becomes an empty fp:point), so
    the neighbours looked at are the text nodes outside markers.
  -->
  <xsl:template match="text()" mode="m:plain-unmark" as="text()?">
    <xsl:variable name="collapsed" as="xs:string" select="replace(., '\s+', ' ')"/>
    <!-- The neighbours are looked at only when the text starts or ends with a space. -->
    <xsl:variable name="drop-lead" as="xs:boolean"
      select="starts-with($collapsed, ' ') and (for $previous in preceding::text()[not(parent::fp:marker)][1] return matches($previous, '\s$'), true())[1]"/>
    <xsl:variable name="drop-trail" as="xs:boolean"
      select="ends-with($collapsed, ' ') and empty(following::text()[not(parent::fp:marker)][matches(., '\S')])"/>
    <xsl:variable name="lead" as="xs:string" select="if ($drop-lead) then substring($collapsed, 2) else $collapsed"/>
    <xsl:variable name="result" as="xs:string"
      select="if ($drop-trail) then replace($lead, ' $', '') else $lead"/>
    <xsl:if test="$result != ''">
      <xsl:value-of select="$result"/>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
