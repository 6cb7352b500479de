zlinkerr ; ZLINK of a routine that exists (linked again) and of one that does not.
 set $etrap="write $zstatus,! set $ecode="""" quit"
 zlink "fallflst2" do ^fallflst2
 zlink "fallflst2.m" do ^fallflst2
 do nosuch
 write "end",!
 quit
nosuch zlink "nosuchrtn" quit
