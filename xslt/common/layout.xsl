<?xml version="1.0" encoding="UTF-8"?>
<!--
  layout.xsl: the text next to a word-joining break, as the page and the
  plain text both read it. Which elements are blocks (paragraph-like) and
  which are inline is f:is-block in html/functions.xsl for the page, and the
  block patterns of common/plain.xsl for the text and JSON: the same names,
  so the outputs break the text at the same places.
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
