<?xml version="1.0" encoding="UTF-8"?>
<!--
  layout.xsl: what the page and the plain text read alike: the elements
  that are no reading text, the parts printed elsewhere, and the text next
  to a word-joining break. Which elements are blocks (paragraph-like) and
  which are inline is f:is-block in html/functions.xsl for the page, and the
  block patterns of common/plain.xsl for the text and JSON: the same names,
  so the outputs break the text at the same places.
  Two rules in both modes (m:html and m:plain), and functions.
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
    Elements that carry no reading text of their own: the header, apparatus
    readings (the apparatus lists them), standoff links and interpretations,
    index entries, feature structures, facsimile data. One rule for the page
    (mode m:html, html/text.xsl) and the plain text (m:plain,
    common/plain.xsl). By name: SaxonJS indexes rules by element name, while
    a predicate would run for every element.
  -->
  <xsl:template match="*:teiHeader | *:rdg | *:rdgGrp | *:wit | *:witDetail | *:interp | *:interpGrp | *:link | *:linkGrp
                       | *:join | *:joinGrp | *:timeline | *:certainty | *:precision | *:respons
                       | *:index | *:fs | *:fLib | *:alt | *:altGrp | *:facsimile | *:sourceDoc | *:standOff"
                mode="m:html m:plain" priority="0.5"/>

  <!--
    Parts printed elsewhere, for the page and the plain text alike: the
    front's docTitle and docDate (the document's heading), the back's notes
    and the divisions that hold only notes (listed apart). f:is-apart
    (html/functions.xsl) asks the same of a front's or back's children.
  -->
  <xsl:template match="front/docTitle | front/docDate | back//note | back//div[f:is-notes-container(.)]"
                mode="m:html m:plain" priority="30"/>

  <!--
    An empty glyph (<c rendition="#kaufmannsund"/>, <g ref="#dots" n="3"/>) as a character: the
    character the header maps the pointer's glyph or char to (charDecl: mapping of type standard,
    else the first), else a built-in one for the names the Schnitzler letters use (no header of
    theirs describes them): 'dots' @n dots ('…' without a usable @n), 'kaufmannsund' '&amp;', 'prozent'
    '%', 'geschwungene-klammer-auf'/'-zu' '{' '}'; else () (a placeholder, which the page and the
    text write each in their own way). A c or g with content is that content.
  -->
  <xsl:function name="f:glyph" as="xs:string?">
    <xsl:param name="c" as="element()"/>
    <xsl:variable name="pointer" as="xs:string" select="string(tokenize(normalize-space(($c/@rendition, $c/@ref)[1]), ' ')[1])"/>
    <xsl:variable name="described" as="element()?" select="f:local-target($pointer, $c/ancestor::TEI[1])[self::glyph or self::char]"/>
    <xsl:variable name="mapped" as="xs:string"
      select="string(($described/mapping[@type = 'standard'], $described/mapping)[normalize-space(.) != ''][1])"/>
    <xsl:variable name="name" as="xs:string" select="replace($pointer, '^.*#', '')"/>
    <xsl:variable name="n" as="xs:string" select="normalize-space($c/@n)"/>
    <xsl:sequence select="
        if ($mapped != '') then $mapped
        else if ($name = 'dots') then (if ($n castable as xs:integer and xs:integer($n) ge 1 and xs:integer($n) le 40)
                                       then string-join(for $i in 1 to xs:integer($n) return '.', '') else '…')
        else if ($name = 'kaufmannsund') then '&amp;'
        else if ($name = 'prozent') then '%'
        else if ($name = 'geschwungene-klammer-auf') then '{'
        else if ($name = 'geschwungene-klammer-zu') then '}'
        else ()"/>
  </xsl:function>

  <!-- The name an empty glyph's pointer gives it ('#kaufmannsund' gives 'kaufmannsund'), for a placeholder. -->
  <xsl:function name="f:glyph-name" as="xs:string">
    <xsl:param name="c" as="element()"/>
    <xsl:variable name="name" as="xs:string" select="replace(string(tokenize(normalize-space(($c/@rendition, $c/@ref)[1]), ' ')[1]), '^.*#', '')"/>
    <xsl:sequence select="if ($name != '') then $name else 'glyph'"/>
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

  <!--
    What goes before a part of a postmark (a child of stamp), page and text alike: ', ' before an
    element when the source puts nothing but space between it and the part before (<placeName>Wien
    9/3</placeName><date>…' reads 'Wien 9/3, 22. 7. 93'), else nothing ('Wien, <date>…' keeps its
    own comma, 'Salzburg <date>…</date> am Bahnhof' its words).
  -->
  <xsl:function name="f:stamp-separator" as="xs:string">
    <xsl:param name="part" as="node()"/>
    <xsl:sequence select="if ($part/self::* and ($part/preceding-sibling::* | $part/preceding-sibling::text()[normalize-space(.) != ''])[last()]/self::*)
                          then ', ' else ''"/>
  </xsl:function>

  <!-- The label of a division that has no head: 'Address' for div type="address", 'Envelope' for type="envelope". -->
  <xsl:function name="f:division-label" as="xs:string">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="if ($div/@type = 'envelope') then 'Envelope' else 'Address'"/>
  </xsl:function>

</xsl:stylesheet>
