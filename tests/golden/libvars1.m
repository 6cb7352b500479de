libvars1 ; the non-interactive variable interfaces: ^%DH, ^%HD, ^%UCASE, ^%LCASE, %CDS^%H and friends
 new %DH,%DL,%HD,%S,%DT,%DAT,%TM,%TIM
 set %DH=255 do ^%DH write "%DH=",%DH,!
 set %DH=4096,%DL=2 do ^%DH write "%DH with %DL=2: ",%DH,!
 set %HD="FF" do ^%HD write "%HD=",%HD,!
 set %S="abc" do ^%UCASE write "%UCASE: ",%S,!
 set %S="ABC" do ^%LCASE write "%LCASE: ",%S,!
 set %DT=66000 do %CDS^%H write "%CDS: ",%DAT,!
 set %TM=3661 do %CTS^%H write "%CTS: ",%TIM,!
 set %DT="9/13/2021" do %CDN^%H write "%CDN: ",%DAT,!
 set %TM="1:01:01" do %CTN^%H write "%CTN: ",%TIM,!
 quit
