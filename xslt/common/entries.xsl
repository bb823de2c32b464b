<?xml version="1.0" encoding="UTF-8"?>
<!--
  entries.xsl: the register entries a name points at. Which register and
  entry a pointer names, its entry page, the kind of entity a name or a
  list is, the key the registers sort by, an entry's authority URIs and a
  person's life dates.
  For the outputs that link or resolve names (the page, the summary, CMIF,
  the edition-wide pages); the text and JSON print names only
  (common/names.xsl), so text.xsl and json.xsl do not include this module.

  House rule (docs/encoding.md): a name points into a register with a
  relative URI, persons.xml#trotsky, places.xml#baku, orgs.xml#red-army.
  A foreign folder's '#id' pointers and pointers into register files of
  other names resolve through $register-entries (common/params.xsl), which
  the build works out from the registers' content. Register pages live at
  persons/ID.html, places/ID.html, orgs/ID.html.
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

  <!-- The three registers, in the order the site lists them. -->
  <xsl:variable name="f:register-kinds" as="xs:string+" select="('persons', 'places', 'orgs')"/>

  <xsl:variable name="fp:register-entry-kinds" as="map(xs:string, xs:string)"
    select="let $t := tokenize(normalize-space($register-entries), ' ')
            return map:merge(for $i in 1 to count($t) idiv 2 return map:entry($t[2 * $i - 1], $t[2 * $i]),
                             map { 'duplicates': 'use-first' })"/>

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

  <!--
    The key registers sort by: '0 ' for an entry with a usable name
    (f:entry-has-name), '1 ' for one without (they come last), then 'surname
    forename' when the entry's label name is split into surname and forename,
    else its label; lower case, without leading brackets or quotation marks.
  -->
  <xsl:function name="f:entry-sort-key" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" as="element()*" select="f:entry-names($entry)"/>
    <xsl:variable name="split" as="element()?" select="($names[surname])[1]"/>
    <!-- Leading brackets and quotation marks ('[Ehrenrat …]', '»Freie Bühne«') do not count: such a name sorts by its first word. -->
    <xsl:sequence select="concat(if (f:entry-has-name($entry)) then '0 ' else '1 ', replace(lower-case(if ($split)
                          then normalize-space(string-join(($split/surname, $split/forename), ' '))
                          else f:entry-label($entry)), '^[\[\(»«&quot;„“‚‘'']+', ''))"/>
  </xsl:function>

  <!--
    Authority URIs of an entry: every idno whose content is an http(s) URI,
    plus bare Wikidata, VIAF and GeoNames numbers made into their URIs.
    Empty idno elements (an unverified identifier left blank) give nothing,
    and neither does an identifier not verified (f:is-verified).
  -->
  <xsl:function name="f:authority-uris" as="xs:string*">
    <xsl:param name="entry" as="element()?"/>
    <xsl:for-each select="$entry/idno[normalize-space(.) != ''][f:is-verified(.)]">
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
    Whether an identifier is verified: no @cert, or @cert "high". One whose
    certainty is lower is not set yet (src/site/unset-values.ts warns about it,
    rule unverified-identifier) and is left out of the entry page, CMIF and JSON.
  -->
  <xsl:function name="f:is-verified" as="xs:boolean">
    <xsl:param name="idno" as="element()"/>
    <xsl:sequence select="empty($idno/@cert) or normalize-space($idno/@cert) = 'high'"/>
  </xsl:function>

  <!--
    A person's life dates as a list shows them ('1862–1931', 'born 1862',
    'died 1931'), from the years of birth and death (@when, @notBefore,
    @from, or those of a date inside); '' when neither is known.
  -->
  <xsl:function name="f:life-dates" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="born" as="xs:string?" select="fp:event-year($entry/birth[1])"/>
    <xsl:variable name="died" as="xs:string?" select="fp:event-year($entry/death[1])"/>
    <xsl:sequence select="if (exists($born) and exists($died)) then concat($born, '–', $died)
                          else if (exists($born)) then concat('born ', $born)
                          else if (exists($died)) then concat('died ', $died) else ''"/>
  </xsl:function>

  <xsl:function name="fp:event-year" as="xs:string?">
    <xsl:param name="event" as="element()?"/>
    <xsl:sequence select="($event/(@when, @notBefore, @from), $event/date[1]/(@when, @notBefore, @from))
                          [matches(normalize-space(.), '^[0-9]{4}')][1]/substring(normalize-space(.), 1, 4)"/>
  </xsl:function>

</xsl:stylesheet>
