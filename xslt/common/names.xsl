<?xml version="1.0" encoding="UTF-8"?>
<!--
  names.xsl: names in the text and the registers they point into.

  House rule (docs/encoding.md): a name points into a register with a
  relative URI, persons.xml#trotsky, places.xml#baku, orgs.xml#red-army.
  Only such pointers become register links; '#id' pointers into a
  document's own particDesc, or web URIs, do not. Register pages live at
  persons/ID.html, places/ID.html, orgs/ID.html.
  No mode: functions only.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- The three registers, in the order the site lists them. -->
  <xsl:variable name="f:register-kinds" as="xs:string+" select="('persons', 'places', 'orgs')"/>

  <!--
    A pointer into a register: optional path, register file, '#', id
    ('persons.xml#trotsky', '../places.xml#tsaritsyn'). The result is the
    register ('persons', 'places' or 'orgs', which is also the folder of its
    entry pages) and the id, or () when the pointer names no register entry.
    The pattern is written out in each call: SaxonJS compiles a pattern held
    in a variable again at every call.
  -->
  <xsl:function name="fp:register-pointer" as="xs:string*">
    <xsl:param name="pointer" as="xs:string?"/>
    <!-- contains() first: most pointers name no register, and a regular expression costs SaxonJS far more. -->
    <xsl:sequence select="if (contains(string($pointer), '.xml#') and matches(string($pointer), '^(\./)?(.*/)?(persons|places|orgs)\.xml#([^#\s]+)$'))
                          then tokenize(replace($pointer, '^(\./)?(.*/)?(persons|places|orgs)\.xml#([^#\s]+)$', '$3 $4'), ' ')
                          else fp:register-entry-pointer($pointer)"/>
  </xsl:function>

  <!--
    A '#id' pointer, or a pointer into a register file of another name
    ('listplace.xml#pmb50'), that names an entry of the registers the build
    found by their content ($register-entries): its kind and id, else ().
    One map look-up; no regular expression.
  -->
  <xsl:function name="fp:register-entry-pointer" as="xs:string*">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:variable name="id" as="xs:string"
      select="if (starts-with(string($pointer), '#') or contains(string($pointer), '.xml#')) then substring-after(string($pointer), '#') else ''"/>
    <xsl:variable name="kind" as="xs:string?" select="if ($id = '') then () else $fp:register-entry-kinds($id)"/>
    <xsl:sequence select="if (exists($kind)) then ($kind, $id) else ()"/>
  </xsl:function>

  <!-- 'persons', 'places' or 'orgs' when the pointer names a register entry, else (). -->
  <xsl:function name="f:register-kind" as="xs:string?">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:sequence select="fp:register-pointer($pointer)[1]"/>
  </xsl:function>

  <!-- The entry id a register pointer names, else (). -->
  <xsl:function name="f:register-id" as="xs:string?">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:sequence select="fp:register-pointer($pointer)[2]"/>
  </xsl:function>

  <!-- The entry page of a register pointer, relative to the site root ('persons/trotsky.html'), else (). -->
  <xsl:function name="f:register-page" as="xs:string?">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:variable name="parts" as="xs:string*" select="fp:register-pointer($pointer)"/>
    <xsl:sequence select="if (exists($parts)) then concat($parts[1], '/', f:safe-name($parts[2]), '.html') else ()"/>
  </xsl:function>

  <!-- The entry page for the first register pointer among the tokens of @ref, relative to the current page. -->
  <xsl:function name="f:register-href" as="xs:string?">
    <xsl:param name="ref" as="attribute()?"/>
    <xsl:param name="root" as="xs:string"/>
    <xsl:variable name="pages" as="xs:string*"
      select="for $t in tokenize(normalize-space(string($ref)), ' ') return f:register-page($t)"/>
    <xsl:sequence select="if (exists($pages)) then concat($root, $pages[1]) else ()"/>
  </xsl:function>

  <!-- The register entry ids named by the tokens of @ref. -->
  <xsl:function name="f:register-ids" as="xs:string*">
    <xsl:param name="ref" as="attribute()?"/>
    <xsl:sequence select="for $t in tokenize(normalize-space(string($ref)), ' ') return f:register-id($t)"/>
  </xsl:function>

  <!-- The kind of entity a name element denotes: person, place, org, or its @type (default 'name'). -->
  <xsl:function name="f:entity-type" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="
        if ($e/self::persName) then 'person'
        else if ($e/self::placeName) then 'place'
        else if ($e/self::orgName) then 'org'
        else if (normalize-space($e/@type) != '') then normalize-space($e/@type)
        else 'name'"/>
  </xsl:function>

  <!-- The register a list element makes: listPerson gives 'persons', and so on. -->
  <xsl:function name="f:list-kind" as="xs:string?">
    <xsl:param name="list" as="element()"/>
    <xsl:sequence select="
        if ($list/self::listPerson) then 'persons'
        else if ($list/self::listPlace) then 'places'
        else if ($list/self::listOrg) then 'orgs'
        else ()"/>
  </xsl:function>

  <!-- The entries of a register document: every person, personGrp, place or org with an xml:id in its body's lists. -->
  <xsl:function name="f:register-entries" as="element()*">
    <xsl:param name="register" as="element()*"/>
    <xsl:sequence select="$register/text//(listPerson | listPlace | listOrg)
                          //(person | personGrp | place | org)[@xml:id]"/>
  </xsl:function>

  <!-- The register an entry belongs to ('persons', 'places', 'orgs'), from its nearest list. -->
  <xsl:function name="f:entry-kind" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="list" as="element()?"
      select="$entry/ancestor::*[self::listPerson or self::listPlace or self::listOrg][1]"/>
    <xsl:sequence select="(if ($list) then f:list-kind($list) else (),
                           if ($entry/self::place) then 'places'
                           else if ($entry/self::org) then 'orgs' else 'persons')[1]"/>
  </xsl:function>

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
    <xsl:variable name="names" as="element()*" select="f:entry-names($entry)"/>
    <xsl:variable name="preferred" as="element()*"
      select="$names[@type = ('normalised', 'normalized', 'reg', 'standard', 'main', 'full')]"/>
    <xsl:variable name="name" as="element()?" select="($preferred, $names)[normalize-space(.) != ''][1]"/>
    <xsl:variable name="label" as="xs:string"
      select="if (exists($name/surname) and empty($name/*[not(self::surname or self::forename)]))
              then string-join((normalize-space(string-join($name/surname, ' ')), normalize-space(string-join($name/forename, ' ')))[. != ''], ', ')
              else normalize-space(string($name))"/>
    <xsl:sequence select="if ($label != '') then $label else string($entry/@xml:id)"/>
  </xsl:function>

  <!--
    The key registers sort by: 'surname forename' when the entry's label
    name is split into surname and forename, else its label; lower case.
  -->
  <xsl:function name="f:entry-sort-key" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" as="element()*" select="f:entry-names($entry)"/>
    <xsl:variable name="split" as="element()?" select="($names[surname])[1]"/>
    <xsl:sequence select="lower-case(if ($split)
                          then normalize-space(string-join(($split/surname, $split/forename), ' '))
                          else f:entry-label($entry))"/>
  </xsl:function>

  <!--
    Authority URIs of an entry: every idno whose content is an http(s) URI,
    plus bare Wikidata, VIAF and GeoNames numbers made into their URIs.
    Empty idno elements (an unverified identifier left blank) give nothing.
  -->
  <xsl:function name="f:authority-uris" as="xs:string*">
    <xsl:param name="entry" as="element()?"/>
    <xsl:for-each select="$entry/idno[normalize-space(.) != '']">
      <xsl:variable name="value" as="xs:string" select="normalize-space(.)"/>
      <xsl:variable name="type" as="xs:string" select="lower-case(normalize-space(@type))"/>
      <xsl:choose>
        <xsl:when test="f:is-web-uri($value)">
          <xsl:sequence select="$value"/>
        </xsl:when>
        <xsl:when test="$type = 'wikidata' and matches($value, '^Q[0-9]+$')">
          <xsl:sequence select="concat('http://www.wikidata.org/entity/', $value)"/>
        </xsl:when>
        <xsl:when test="$type = 'viaf' and matches($value, '^[0-9]+$')">
          <xsl:sequence select="concat('http://viaf.org/viaf/', $value)"/>
        </xsl:when>
        <xsl:when test="$type = 'geonames' and matches($value, '^[0-9]+$')">
          <xsl:sequence select="concat('http://www.geonames.org/', $value)"/>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each>
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
