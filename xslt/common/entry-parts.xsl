<?xml version="1.0" encoding="UTF-8"?>
<!--
  entry-parts.xsl: what the register lists (persons.html, places.html,
  orgs.html) and the registers' JSON (json/persons.json …) show of each
  entry that has a page, made once per entry and read by both: its parts.

    map {
      'key':    'persons#lenin#1'  (kind, id, and which of the entries of
                that kind and id, in register order: 1 but for duplicates),
      'id':     the entry's xml:id,
      'sort':   f:entry-sort-key,
      'label':  f:entry-label,
      'life':   f:life-dates for a person, else '',
      'counts': fp:occurrence-counts (html/edition.xsl),
      'json':   its object in the register's JSON (fp:json-register-entry)
    }

  An entry's parts show what its page shows, and nothing else: the entry
  and the documents that name it. So the build keeps them with the page,
  under the page's key (src/site/entry-pages.ts), and hands the parts of
  the entries whose pages it keeps back in $kept-entry-parts: a register
  of 500 entries, one of them changed, is listed again by making the parts
  of one. The parts made are written to entry-parts/N.txt (not published).

  Included by corpus.xsl; run on the edition-wide input (common/registers.xsl).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:s="urn:edition:summary"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!--
    The parts of the entries whose pages the build keeps, as it kept them
    from its last build: seven strings an entry (key, id, sort, label, life,
    counts, json), as entry-parts/N.txt give them. A key not among them is
    made. (A sequence of strings, not a JSON text: SaxonJS's parse-json took
    0.7 s for the 12 MB of a register of 464 entries named in 1,000 letters.)
  -->
  <xsl:param name="kept-entry-parts" as="xs:string*" select="()"/>

  <xsl:variable name="fp:kept-entry-parts" as="map(xs:string, map(*))"
    select="map:merge(for $i in 0 to count($kept-entry-parts) idiv 7 - 1
                      return map:entry($kept-entry-parts[7 * $i + 1], map {
                        'id': $kept-entry-parts[7 * $i + 2],
                        'sort': $kept-entry-parts[7 * $i + 3],
                        'label': $kept-entry-parts[7 * $i + 4],
                        'life': $kept-entry-parts[7 * $i + 5],
                        'counts': $kept-entry-parts[7 * $i + 6],
                        'json': $kept-entry-parts[7 * $i + 7] }),
                      map { 'duplicates': 'use-first' })"/>

  <!-- Every entry with a page, as its parts, by kind, in register and document order. -->
  <xsl:variable name="fp:entry-parts" as="map(xs:string, map(*)*)">
    <xsl:variable name="register-documents" as="map(xs:string, xs:string)" select="fp:register-documents()"/>
    <xsl:map>
      <xsl:for-each select="$f:register-kinds">
        <xsl:variable name="kind" as="xs:string" select="."/>
        <xsl:variable name="entries" as="element()*" select="f:entries-with-pages($kind)"/>
        <!-- Which entry of its id each later duplicate is (2, 3 …), by generate-id(); every other entry is the 1st. -->
        <xsl:variable name="ordinals" as="map(xs:string, xs:integer)">
          <xsl:map>
            <xsl:for-each-group select="$entries" group-by="string(@xml:id)">
              <xsl:for-each select="current-group()[position() gt 1]">
                <xsl:map-entry key="generate-id(.)" select="position() + 1"/>
              </xsl:for-each>
            </xsl:for-each-group>
          </xsl:map>
        </xsl:variable>
        <xsl:map-entry key="$kind">
          <xsl:for-each select="$entries">
            <xsl:variable name="id" as="xs:string" select="string(@xml:id)"/>
            <xsl:variable name="key" as="xs:string"
              select="concat($kind, '#', $id, '#', ($ordinals(generate-id(.)), 1)[1])"/>
            <xsl:sequence select="if (map:contains($fp:kept-entry-parts, $key)) then map:put($fp:kept-entry-parts($key), 'key', $key)
                                  else map {
                                    'key': $key,
                                    'id': $id,
                                    'sort': f:entry-sort-key(.),
                                    'label': f:entry-label(.),
                                    'life': if ($kind = 'persons') then f:life-dates(.) else '',
                                    'counts': fp:occurrence-counts(f:entry-occurrences(.), $kind),
                                    'json': fp:json-register-entry($kind, ., $register-documents),
                                    'made': true()
                                  }"/>
          </xsl:for-each>
        </xsl:map-entry>
      </xsl:for-each>
    </xsl:map>
  </xsl:variable>

  <!--
    The parts of the entries of a kind in the order of its list: by sort key
    (f:entry-sort-key: entries without a usable name last), then id
    (register order for equals).
  -->
  <xsl:function name="fp:sorted-entry-parts" as="map(*)*">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:perform-sort select="$fp:entry-parts($kind)">
      <xsl:sort select="?sort"/>
      <xsl:sort select="?id"/>
    </xsl:perform-sort>
  </xsl:function>

  <!--
    entry-parts/N.txt: the parts made in this transformation, one result
    document each (N counts them; one document of every part took SaxonJS
    and the build about 95 MB more at the peak of a cold build of 1,000
    letters): a line holding a JSON array of its key, id, sort, label, life
    and counts, then its JSON object as it is, then a line holding one tab
    (the object's text, JSON laid out with spaces, has no tab: a tab in a
    string is written \t).
  -->
  <xsl:template name="fp:entry-parts-made" as="empty-sequence()">
    <xsl:for-each select="$f:register-kinds ! $fp:entry-parts(.)[?made]">
      <xsl:result-document href="entry-parts/{position()}.txt" method="text" encoding="UTF-8">
        <xsl:value-of select="concat('[', string-join(for $k in ('key', 'id', 'sort', 'label', 'life', 'counts') return fp:string(.($k)), ', '), ']&#10;',
                                     ?json, '&#10;&#9;&#10;')"/>
      </xsl:result-document>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
