<?xml version="1.0" encoding="UTF-8"?>
<!--
  names.xsl: names as the outputs print them: the display string of a name
  element, and the names and label of a register entry. Which entry a name
  points at, and its page, is common/entries.xsl (the outputs that link).
  No mode: functions only.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- The name elements of an entry (its own, not those of nested entries). -->
  <xsl:function name="f:entry-names" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="$entry/(persName | placeName | orgName | name)"/>
  </xsl:function>

  <!--
    The label of a register entry: its normalised name when it has one
    (@type normalised/normalized/reg/standard), otherwise its first name,
    otherwise its id. A name made of surname and forename elements alone
    reads as an index does, 'Surname, Forename', in whichever order the
    source has them.
  -->
  <xsl:function name="f:entry-label" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="label" as="xs:string" select="fp:entry-name-text($entry)"/>
    <!-- A name the source marks as not known ('?? [Hotel in Berlin 1901]': the PMB's placeholder before an editor's description) reads '[Hotel in Berlin 1901] (name unknown)'. -->
    <xsl:sequence select="if (starts-with($label, '??'))
                          then (let $rest := normalize-space(replace($label, '^\?+', ''))
                                return if ($rest = '') then concat(string($entry/@xml:id), ' (name unknown)') else concat($rest, ' (name unknown)'))
                          else if ($label != '') then $label else string($entry/@xml:id)"/>
  </xsl:function>

  <!--
    Whether an entry has a usable name: one, and not one the source marks as not
    known ('?? […]'). The registers list the entries without one last (f:entry-sort-key).
  -->
  <xsl:function name="f:entry-has-name" as="xs:boolean">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="label" as="xs:string" select="fp:entry-name-text($entry)"/>
    <xsl:sequence select="$label != '' and not(starts-with($label, '??'))"/>
  </xsl:function>

  <!-- The text of an entry's label name (f:entry-label), as the source writes it; '' for none. -->
  <xsl:function name="fp:entry-name-text" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" as="element()*" select="f:entry-names($entry)"/>
    <xsl:variable name="preferred" as="element()*"
      select="$names[@type = ('normalised', 'normalized', 'reg', 'standard', 'main', 'full')]"/>
    <xsl:variable name="name" as="element()?" select="($preferred, $names)[normalize-space(.) != ''][1]"/>
    <xsl:sequence
      select="if (exists($name/surname) and empty($name/*[not(self::surname or self::forename)]))
              then string-join((normalize-space(string-join($name/surname, ' ')), normalize-space(string-join($name/forename, ' ')))[. != ''], ', ')
              else normalize-space(string($name))"/>
  </xsl:function>

  <!--
    The display string of a name element: its text, or, when it is empty
    (<persName ref="#BS"/>), the label of the entry it points at inside the
    same document, or the pointer itself.
  -->
  <xsl:function name="f:name-string" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="text" as="xs:string" select="normalize-space(string($name))"/>
    <!-- The pointer is looked up only for an empty name: SaxonJS works a variable out even when it goes unused. -->
    <xsl:sequence select="
        if ($text != '') then $text
        else (let $local := f:local-target(tokenize(normalize-space($name/@ref), ' ')[1], $name/ancestor::TEI[1])
              return if ($local) then f:entry-label($local) else normalize-space($name/@ref))"/>
  </xsl:function>

</xsl:stylesheet>
