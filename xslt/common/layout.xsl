<?xml version="1.0" encoding="UTF-8"?>
<!--
  layout.xsl: which TEI elements are blocks (paragraph-like) and which are
  inline, and which parts of <text> are the reading text. HTML (div or p
  against span) and plain text (paragraphs against runs) follow the same
  answers, so the two outputs break the text at the same places.
  No mode: functions only.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- Elements that are always blocks. -->
  <xsl:variable name="fp:block-names" as="xs:string+" select="(
      'TEI', 'teiCorpus', 'text', 'group', 'front', 'body', 'back', 'floatingText',
      'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'divGen',
      'p', 'ab', 'head', 'opener', 'closer', 'dateline', 'salute', 'signed', 'postscript',
      'byline', 'argument', 'epigraph', 'trailer', 'docTitle', 'titlePart', 'docDate',
      'docAuthor', 'docImprint', 'docEdition', 'titlePage', 'imprimatur',
      'list', 'item', 'listBibl', 'lg', 'l', 'sp', 'speaker', 'castList', 'castItem',
      'table', 'row', 'figure', 'listPerson', 'listPlace', 'listOrg', 'listEvent', 'listWit',
      'person', 'personGrp', 'place', 'org', 'event', 'witness',
      'teiHeader', 'fileDesc', 'titleStmt', 'editionStmt', 'extent', 'publicationStmt',
      'seriesStmt', 'notesStmt', 'sourceDesc', 'encodingDesc', 'projectDesc', 'samplingDecl',
      'editorialDecl', 'correction', 'normalization', 'quotation', 'hyphenation',
      'segmentation', 'interpretation', 'punctuation', 'stdVals', 'refsDecl', 'classDecl',
      'tagsDecl', 'profileDesc', 'langUsage', 'language', 'textClass', 'correspDesc',
      'correspAction', 'correspContext', 'particDesc', 'settingDesc', 'revisionDesc',
      'change', 'listChange', 'availability', 'licence', 'respStmt', 'msDesc',
      'msIdentifier', 'msContents', 'msItem', 'physDesc', 'objectDesc', 'handDesc',
      'handNote', 'history', 'additional', 'bibl', 'biblStruct', 'biblFull')"/>

  <!-- The same names as a map, for fast lookup (f:is-block runs for every element). -->
  <xsl:variable name="fp:block-map" as="map(xs:string, xs:boolean)"
    select="map:merge(for $n in $fp:block-names return map:entry($n, true()))"/>

  <!-- Every name f:is-block can say yes to. -->
  <xsl:variable name="fp:maybe-block-map" as="map(xs:string, xs:boolean)"
    select="map:merge(($fp:block-map, for $n in ('bibl', 'biblStruct', 'biblFull', 'quote', 'cit', 'q', 'said', 'label', 'stage')
                                      return map:entry($n, true())))"/>

  <!-- Containers in which quote, cit, q and bibl stand as blocks of their own. -->
  <xsl:variable name="fp:division-names" as="xs:string+" select="(
      'body', 'front', 'back', 'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7',
      'postscript', 'floatingText', 'opener', 'closer', 'figure')"/>

  <!--
    Is the element a block? bibl is a block only as a member of a list
    (listBibl, sourceDesc) or of a division; quote, cit, q, said, label and stage
    in a division; everything else by name.
  -->
  <xsl:function name="f:is-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <!--
      The name lists above written as '|name|name|…|' strings: contains() on such a string is the
      quickest membership test SaxonJS has (a general comparison with a sequence of strings, $name =
      (…), costs it about eight times as much, map:contains three times). Keep the strings in step
      with $fp:block-names and $fp:division-names.
    -->
    <xsl:variable name="name" as="xs:string" select="concat('|', local-name($e), '|')"/>
    <xsl:sequence select="
        if (contains('|bibl|biblStruct|biblFull|', $name))
          then contains('|listBibl|sourceDesc|body|front|back|div|div1|div2|div3|div4|div5|div6|div7|postscript|floatingText|opener|closer|figure|', concat('|', local-name($e/..), '|'))
        else if (contains('|quote|cit|q|said|label|stage|', $name))
          then contains('|body|front|back|div|div1|div2|div3|div4|div5|div6|div7|postscript|floatingText|opener|closer|figure|', concat('|', local-name($e/..), '|'))
        else contains('|TEI|teiCorpus|text|group|front|body|back|floatingText|div|div1|div2|div3|div4|div5|div6|div7|divGen|p|ab|head|opener|closer|dateline|salute|signed|postscript|byline|argument|epigraph|trailer|docTitle|titlePart|docDate|docAuthor|docImprint|docEdition|titlePage|imprimatur|list|item|listBibl|lg|l|sp|speaker|castList|castItem|table|row|figure|listPerson|listPlace|listOrg|listEvent|listWit|person|personGrp|place|org|event|witness|teiHeader|fileDesc|titleStmt|editionStmt|extent|publicationStmt|seriesStmt|notesStmt|sourceDesc|encodingDesc|projectDesc|samplingDecl|editorialDecl|correction|normalization|quotation|hyphenation|segmentation|interpretation|punctuation|stdVals|refsDecl|classDecl|tagsDecl|profileDesc|langUsage|language|textClass|correspDesc|correspAction|correspContext|particDesc|settingDesc|revisionDesc|change|listChange|availability|licence|respStmt|msDesc|msIdentifier|msContents|msItem|physDesc|objectDesc|handDesc|handNote|history|additional|bibl|biblStruct|biblFull|', $name)"/>
  </xsl:function>

  <!--
    Does the element hold a block somewhere inside it (outside notes and
    readings, which are not rendered in place)? Then it cannot render as an
    inline span.
  -->
  <xsl:function name="f:holds-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <!-- Only names that can be blocks are asked f:is-block ($fp:maybe-block-map as a string, see f:is-block):
         this runs for almost every element shown. An element without element children holds nothing. -->
    <xsl:sequence select="exists($e/*)
                          and exists($e//*[contains('|TEI|teiCorpus|text|group|front|body|back|floatingText|div|div1|div2|div3|div4|div5|div6|div7|divGen|p|ab|head|opener|closer|dateline|salute|signed|postscript|byline|argument|epigraph|trailer|docTitle|titlePart|docDate|docAuthor|docImprint|docEdition|titlePage|imprimatur|list|item|listBibl|lg|l|sp|speaker|castList|castItem|table|row|figure|listPerson|listPlace|listOrg|listEvent|listWit|person|personGrp|place|org|event|witness|teiHeader|fileDesc|titleStmt|editionStmt|extent|publicationStmt|seriesStmt|notesStmt|sourceDesc|encodingDesc|projectDesc|samplingDecl|editorialDecl|correction|normalization|quotation|hyphenation|segmentation|interpretation|punctuation|stdVals|refsDecl|classDecl|tagsDecl|profileDesc|langUsage|language|textClass|correspDesc|correspAction|correspContext|particDesc|settingDesc|revisionDesc|change|listChange|availability|licence|respStmt|msDesc|msIdentifier|msContents|msItem|physDesc|objectDesc|handDesc|handNote|history|additional|bibl|biblStruct|biblFull|quote|cit|q|said|label|stage|', concat('|', local-name(), '|'))][f:is-block(.)]
                                         [empty(ancestor::*[self::note or self::rdg or self::rdgGrp][. &gt;&gt; $e])])"/>
  </xsl:function>

  <!--
    Is the element left out of the reading text? The front's docTitle and
    docDate (the outputs print them as the document's heading), containers
    of back notes (listed apart), rdg (the apparatus lists them).
  -->
  <!-- html/text.xsl and common/plain.xsl spell this test as a match pattern too (faster than a call per element): keep them in step. -->
  <xsl:function name="f:is-apart" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="
        exists($e/self::docTitle[parent::front] | $e/self::docDate[parent::front])
        or f:is-notes-container($e)
        or exists($e/self::note[ancestor::back])"/>
  </xsl:function>

  <!--
    Elements that carry no reading text of their own: standoff links and
    interpretations, index entries, feature structures, facsimile data,
    apparatus readings (the apparatus lists them), the header.
  -->
  <xsl:variable name="fp:silent-names" as="xs:string+" select="(
      'teiHeader', 'rdg', 'rdgGrp', 'wit', 'witDetail', 'interp', 'interpGrp', 'link', 'linkGrp',
      'join', 'joinGrp', 'timeline', 'certainty', 'precision', 'respons',
      'index', 'fs', 'fLib', 'alt', 'altGrp', 'facsimile', 'sourceDoc', 'standOff')"/>

  <xsl:function name="f:is-silent" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="local-name($e) = $fp:silent-names"/>
  </xsl:function>

  <!--
    A text node with the whitespace next to a word-joining line or page
    break (lb/pb/cb with break="no") removed, so 'divi<lb break="no"/>sions'
    reads 'divisions' however the source is indented.
  -->
  <xsl:function name="f:join-breaks" as="xs:string">
    <xsl:param name="t" as="text()"/>
    <xsl:variable name="before" as="xs:boolean"
      select="exists($t/preceding-sibling::node()[1][self::lb or self::pb or self::cb][@break = 'no'])"/>
    <xsl:variable name="after" as="xs:boolean"
      select="exists($t/following-sibling::node()[1][self::lb or self::pb or self::cb][@break = 'no'])"/>
    <xsl:variable name="lead" as="xs:string" select="if ($before) then replace($t, '^\s+', '') else string($t)"/>
    <xsl:sequence select="if ($after) then replace($lead, '\s+$', '') else $lead"/>
  </xsl:function>

</xsl:stylesheet>
