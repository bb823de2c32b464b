<?xml version="1.0" encoding="UTF-8"?>
<!--
  interventions.xsl: editorial and scribal interventions (choice, supplied,
  add, del, gap, unclear, sic, handShift, …): which side of a choice is the
  reading, and how each intervention is described to a reader.
  No mode: functions only.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- The reading side of a choice: corr, expan or reg; else its first child. -->
  <xsl:function name="f:choice-reading" as="element()?">
    <xsl:param name="choice" as="element(choice)"/>
    <xsl:sequence select="($choice/(corr | expan | reg), $choice/*)[1]"/>
  </xsl:function>

  <!-- The source side(s) of a choice: every other child (sic, abbr, orig, seg, …). -->
  <xsl:function name="f:choice-sources" as="element()*">
    <xsl:param name="choice" as="element(choice)"/>
    <xsl:variable name="reading" as="element()?" select="f:choice-reading($choice)"/>
    <xsl:sequence select="$choice/*[not(. is $reading)]"/>
  </xsl:function>

  <!--
    Whether an intervention (supplied, gap) is the compilers' of the source:
    its first @resp points at the respStmt 'compilers' (edition.xml#compilers,
    #compilers). Their brackets are printed as the source prints them;
    everything else is this edition's (no @resp: the encoders').
  -->
  <xsl:function name="f:by-compilers" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/@resp) and fp:resp-id($e) = 'compilers'"/>
  </xsl:function>

  <!-- The id the first @resp of an element points at ('edition.xml#compilers': 'compilers'), '' without @resp. -->
  <xsl:function name="fp:resp-id" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="first" as="xs:string?" select="tokenize(normalize-space($e/@resp), ' ')[1]"/>
    <xsl:sequence select="if (empty($first)) then '' else if (contains($first, '#')) then substring-after($first, '#') else $first"/>
  </xsl:function>

  <!-- Who made an intervention, for a tooltip: the compilers of the source, the editors (no @resp, #editors), else the id @resp names. -->
  <xsl:function name="fp:resp-phrase" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="id" as="xs:string" select="fp:resp-id($e)"/>
    <xsl:sequence select="if ($id = 'compilers') then 'the compilers of the source'
                          else if ($id = ('', 'editors')) then 'the editors' else $id"/>
  </xsl:function>

  <!--
    The quotation marks around quoted words (q, mentioned, soCalled) in
    every output: '“' and '”', or '‘' and '’' inside other quoted words;
    none when the text just before already ends in an opening mark (a
    source that types its own marks around the element).
  -->
  <xsl:function name="f:quotation-marks" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="before" as="xs:string" select="string($e/preceding-sibling::node()[1][self::text()])"/>
    <xsl:sequence select="if (some $m in ('“', '„', '«', '‘', '‚', '‹', '&quot;') satisfies ends-with($before, $m)) then ('', '')
                          else if (exists($e/ancestor::*[self::q or self::mentioned or self::soCalled][1])) then ('‘', '’')
                          else ('“', '”')"/>
  </xsl:function>

  <!-- ' (reason)' from @reason, '' when there is none. -->
  <xsl:function name="fp:reason" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="reason" as="xs:string" select="normalize-space(string-join(($e/@reason, $e/@agent), ', '))"/>
    <xsl:sequence select="if ($reason = '') then '' else concat(' (', $reason, ')')"/>
  </xsl:function>

  <!-- The names fp:intervention-title describes, as '|name|…|' for contains() (the quickest name test in SaxonJS). -->
  <xsl:variable name="fp:intervention-names-string" as="xs:string"
    select="'|supplied|gap|unclear|add|del|sic|corr|abbr|expan|orig|reg|surplus|damage|restore|space|'"/>

  <!-- A short description of an intervention for a tooltip or label, or () for other elements. -->
  <xsl:function name="f:intervention-title" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <!-- Most elements are neither an intervention nor in a hand: say so at once (this runs for every element shown). -->
    <xsl:sequence select="if (empty($e/@hand) and not(contains($fp:intervention-names-string,
                                                                concat('|', local-name($e), '|')))) then ()
                          else fp:intervention-title($e)"/>
  </xsl:function>

  <xsl:function name="fp:intervention-title" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="place" as="xs:string"
      select="if (normalize-space($e/@place) != '') then concat(' (', normalize-space($e/@place), ')') else ''"/>
    <xsl:variable name="hand" as="xs:string"
      select="if ($e/@hand) then concat(', hand: ', f:hand-pointer-label($e/@hand)) else ''"/>
    <xsl:variable name="extent" as="xs:string"
      select="normalize-space(string-join(($e/@quantity, $e/@unit, $e/@extent), ' '))"/>
    <xsl:variable name="title" as="xs:string?" select="
        if ($e/self::supplied) then concat('Supplied by ', fp:resp-phrase($e), fp:reason($e))
        else if ($e/self::gap) then concat(if ($e/@reason = 'omitted') then (if ($e/@resp) then concat('Omitted by ', fp:resp-phrase($e)) else 'Omitted by the editors of the source')
                                           else concat('Gap', fp:reason($e), if ($e/@resp) then concat(', marked by ', fp:resp-phrase($e)) else ''),
                                           if ($extent != '') then concat(': ', $extent) else '')
        else if ($e/self::unclear) then concat('Unclear reading', fp:reason($e))
        else if ($e/self::add) then concat('Added', $place)
        else if ($e/self::del) then concat('Deleted', if (normalize-space($e/@rend) != '') then concat(' (', normalize-space($e/@rend), ')') else '')
        else if ($e/self::sic) then 'Thus in the source'
        else if ($e/self::corr) then 'Corrected by the editors'
        else if ($e/self::abbr) then 'Abbreviation in the source'
        else if ($e/self::expan) then 'Expansion by the editors'
        else if ($e/self::orig) then 'Spelling of the source'
        else if ($e/self::reg) then 'Regularised by the editors'
        else if ($e/self::surplus) then concat('Superfluous', fp:reason($e))
        else if ($e/self::damage) then concat('Damaged', fp:reason($e))
        else if ($e/self::restore) then 'Restored'
        else if ($e/self::space) then concat('Space left blank', if ($extent != '') then concat(': ', $extent) else '')
        else ()"/>
    <xsl:sequence select="if (exists($title)) then concat($title, $hand)
                          else if ($hand != '') then substring($hand, 3) else ()"/>
  </xsl:function>

</xsl:stylesheet>
