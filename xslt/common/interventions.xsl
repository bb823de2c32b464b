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
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
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

  <!-- ' (reason)' from @reason, '' when there is none. -->
  <xsl:function name="fp:reason" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="reason" as="xs:string" select="normalize-space(string-join(($e/@reason, $e/@agent), ', '))"/>
    <xsl:sequence select="if ($reason = '') then '' else concat(' (', $reason, ')')"/>
  </xsl:function>

  <!-- A short description of an intervention for a tooltip or label, or () for other elements. -->
  <xsl:function name="f:intervention-title" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <!-- Most elements are neither an intervention nor in a hand: say so at once (this runs for every element shown). -->
    <xsl:sequence select="if (empty($e/@hand) and not(contains('|supplied|gap|unclear|add|del|sic|corr|abbr|expan|orig|reg|surplus|damage|restore|space|',
                                                                concat('|', local-name($e), '|')))) then ()
                          else fp:intervention-title($e)"/>
  </xsl:function>

  <!-- The elements f:intervention-title describes (written out as a '|…|' string in the functions that test it: see f:is-block). -->
  <xsl:variable name="fp:intervention-names" as="map(xs:string, xs:boolean)"
    select="map:merge(for $n in ('supplied', 'gap', 'unclear', 'add', 'del', 'sic', 'corr', 'abbr', 'expan', 'orig', 'reg',
                                 'surplus', 'damage', 'restore', 'space')
                      return map:entry($n, true()))"/>

  <xsl:function name="fp:intervention-title" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="place" as="xs:string"
      select="if (normalize-space($e/@place) != '') then concat(' (', normalize-space($e/@place), ')') else ''"/>
    <xsl:variable name="hand" as="xs:string"
      select="if ($e/@hand) then concat(', hand: ', f:hand-pointer-label($e/@hand)) else ''"/>
    <xsl:variable name="extent" as="xs:string"
      select="normalize-space(string-join(($e/@quantity, $e/@unit, $e/@extent), ' '))"/>
    <xsl:variable name="title" as="xs:string?" select="
        if ($e/self::supplied) then concat('Supplied by the editors', fp:reason($e))
        else if ($e/self::gap) then concat(if ($e/@reason = 'omitted') then 'Omitted by the editors of the source' else concat('Gap', fp:reason($e)),
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
