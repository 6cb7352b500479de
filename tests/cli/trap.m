trap ; an error for gtm_etrap
 write "before",!
 write x
 write "after",!
