<?xml version="1.0" encoding="UTF-8"?>
<!--
  Adds sparselr's category to a p2 metadata repository (content.xml), so that KNIME's
  "Install New Software" dialog lists the feature under "sparselr" with "Group items by category"
  on. The p2 publisher that works without resolving KNIME does not apply category.xml, so the
  category unit is written here, in the shape p2's CategoryPublisher writes it.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:param name="categoryId"/>
  <xsl:param name="categoryLabel"/>
  <xsl:param name="categoryDescription"/>
  <xsl:param name="version"/>
  <xsl:param name="featureGroup"/>
  <xsl:param name="repositoryName"/>

  <xsl:template match="@*|node()">
    <xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy>
  </xsl:template>

  <xsl:template match="/repository/@name">
    <xsl:attribute name="name"><xsl:value-of select="$repositoryName"/></xsl:attribute>
  </xsl:template>

  <xsl:template match="/repository/units">
    <units size="{count(unit) + 1}">
      <xsl:apply-templates select="node()"/>
      <unit id="{$categoryId}" version="{$version}">
        <properties size="3">
          <property name="org.eclipse.equinox.p2.name" value="{$categoryLabel}"/>
          <property name="org.eclipse.equinox.p2.description" value="{$categoryDescription}"/>
          <property name="org.eclipse.equinox.p2.type.category" value="true"/>
        </properties>
        <provides size="1">
          <provided namespace="org.eclipse.equinox.p2.iu" name="{$categoryId}" version="{$version}"/>
        </provides>
        <requires size="1">
          <required namespace="org.eclipse.equinox.p2.iu" name="{$featureGroup}" range="[{$version},{$version}]"/>
        </requires>
        <touchpoint id="null" version="0.0.0"/>
      </unit>
    </units>
  </xsl:template>
</xsl:stylesheet>
