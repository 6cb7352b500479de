viewbadchar ; VIEW "BADCHAR"/"NOBADCHAR" (M mode: remembered, no effect) and keyword prefixes
 set $etrap="write $piece($zstatus,"","",3,9),! set $ecode="""" quit"
 view "NOBADCHAR" write "nobadchar ok ",$view("BADCHAR"),!
 view "BADCHAR" write "badchar ok ",$view("BADCHAR"),!
 view "NOBADC" write "abbreviation ok ",$view("BADC"),!
 do t("NOBADCHAR"),t1("BADCHAR"),t2("NOBADCHAR"),t3("BADCHAR")
 for k="NOB","NO","BA","B","LAB","FULL","GVF","GVFI","TRA","LV_RE","NOBADCHARS","LINKX","ZDATE_FORM","RCTLDUMP","LOG","LOGT","NOLOGT","NOUN","STP" do vc(k)
 for k="UND","LAB","LINK","ZDIR","PATC","PAT","TRANS","GVFI","LVN","BREA" do vf(k)
 quit
t(k) write $view(k),! quit
t1(k) write $view(k,1),! quit
t2(k) view k:1 write "not reached",! quit
t3(k) view k:1 write "not reached",! quit
vc(k) view k write "ok ",k,! quit
vf(k) write k,"=",$view(k),! quit
